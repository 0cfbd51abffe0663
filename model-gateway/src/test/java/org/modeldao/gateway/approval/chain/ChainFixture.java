package org.modeldao.gateway.approval.chain;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.gateway.api.JwtFixture;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.web3j.crypto.Credentials;

/**
 * A real DAO on a Hardhat dev chain, reached through a {@link TcpProxy} so tests can take the
 * node away. Members hold 15k votes each and pass proposals; {@code smallHolder} has 500.
 */
final class ChainFixture implements AutoCloseable {

    final DevChain chain;
    final TcpProxy proxy;
    final DeploymentDescriptor deployment;
    final DevGovernance governance;
    final RegistryActions actions;
    final List<Credentials> members;
    final Credentials smallHolder;
    final Credentials outsider;

    ChainFixture() throws Exception {
        chain = DevChain.start();
        try {
            List<Credentials> accounts = chain.accounts();
            members = accounts.subList(1, 5);
            smallHolder = accounts.get(5);
            outsider = accounts.get(9);
            List<Allocation> allocations = new java.util.ArrayList<>();
            allocations.add(new Allocation(accounts.get(0).getAddress(), tokens(40_000)));
            members.forEach(m -> allocations.add(new Allocation(m.getAddress(), tokens(15_000))));
            allocations.add(new Allocation(smallHolder.getAddress(), tokens(500)));
            DeploymentDescriptor deployed = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(),
                    Duration.ofMillis(50)).deploy(accounts.get(0), DeploymentSettings.forDevChain(allocations));
            governance = new DevGovernance(chain, deployed);
            members.forEach(governance::delegateToSelf);
            governance.delegateToSelf(smallHolder);
            actions = new RegistryActions(deployed.registry());
            proxy = new TcpProxy(java.net.URI.create(chain.rpcUrl()).getPort());
            // the gateway talks to the chain through the proxy only
            deployment = deployed.withRpcUrl("http://127.0.0.1:" + proxy.port());
        } catch (Exception e) {
            chain.close();
            throw e;
        }
    }

    DevGovernance.PassedProposal pass(String description, ProposalCall... calls) {
        return governance.pass(members.get(0), members, new GovernanceProposal(List.of(calls), description));
    }

    Path writeDescriptor(Path dir) {
        Path file = dir.resolve("deployment.json");
        deployment.write(file);
        return file;
    }

    /** Points the gateway under test at this chain (through the proxy), a state file in {@code dir} and the test key set. */
    void configureGateway(DynamicPropertyRegistry registry, Path dir, JwtFixture jwt) {
        registry.add("gateway.chain.deployment-file", () -> writeDescriptor(dir).toString());
        registry.add("gateway.chain.state-file", () -> dir.resolve("approved-state.json").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwt::jwksUri);
    }

    /** Approves a demo version whose files were written to {@code files}. */
    ProposalCall approve(String model, DemoModel demo, DemoModel.WrittenFiles files) {
        return actions.approveVersion(new ModelRegistry.VersionSubmission(model, demo.version(),
                HexFormat.of().parseHex(demo.artifactSha256()), files.artifact().toUri().toString(),
                HexFormat.of().parseHex(demo.cardSha256()), files.card().toUri().toString(), "onnx"));
    }

    static BigInteger votes(long whole) {
        return tokens(whole);
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        chain.close();
    }
}
