package org.modeldao.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * A real Hardhat dev chain with the governance suite deployed, shared by the ITs of one JVM and
 * stopped when it exits. Holders: account 0 holds 5,000 tokens delegated to itself (member and
 * proposer), account 1 holds 10 tokens undelegated (member only); account 2 holds nothing; account 3 holds
 * nothing and is the app's admin (the wizard's upload form is an admin's).
 */
public final class DevChainFixture {

    private static DevChainFixture shared;

    private final DevChain chain;
    private final DeploymentDescriptor deployment;
    private final Path descriptorFile;

    private DevChainFixture() {
        chain = DevChain.start();
        List<Credentials> accounts = chain.accounts();
        DeploymentSettings settings = DeploymentSettings.forDevChain(List.of(
                new Allocation(accounts.get(0).getAddress(), DeploymentSettings.tokens(5_000)),
                new Allocation(accounts.get(1).getAddress(), DeploymentSettings.tokens(10))));
        deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(), Duration.ofMillis(50))
                .deploy(accounts.get(0), settings);
        new DevGovernance(chain, deployment).delegateToSelf(accounts.get(0));
        chain.mine(1);
        try {
            descriptorFile = Files.createTempFile("modeldao-deployment-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.write(descriptorFile);
        Runtime.getRuntime().addShutdownHook(new Thread(chain::close, "dev-chain-stop"));
    }

    public static synchronized DevChainFixture shared() {
        if (shared == null) {
            shared = new DevChainFixture();
        }
        return shared;
    }

    public DevChain chain() {
        return chain;
    }

    public DeploymentDescriptor deployment() {
        return deployment;
    }

    public Path descriptorFile() {
        return descriptorFile;
    }

    public Credentials proposer() {
        return chain.accounts().get(0);
    }

    public Credentials member() {
        return chain.accounts().get(1);
    }

    public Credentials outsider() {
        return chain.accounts().get(2);
    }

    public Credentials admin() {
        return chain.accounts().get(3);
    }

    public static String checksummed(Credentials who) {
        return Keys.toChecksumAddress(who.getAddress());
    }
}
