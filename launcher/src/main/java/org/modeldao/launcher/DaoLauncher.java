package org.modeldao.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * Runs the DAO locally on its embedded default: a dev chain with the contracts deployed and
 * voting power distributed to five dev accounts (all self-delegated). Writes the deployment
 * descriptor to {@code .dao/deployment.json} and runs until Ctrl-C, which stops the node.
 * The chain lives in memory: its state is gone when the launcher stops.
 */
public final class DaoLauncher {

    private static final Logger log = LoggerFactory.getLogger(DaoLauncher.class);
    private static final int MEMBERS = 5;

    private DaoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("ai.djl.offline", "true");
        Path home = Path.of(System.getProperty("modeldao.home", ".dao")).toAbsolutePath();
        long started = System.nanoTime();

        DevChain chain = DevChain.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the dev chain");
            chain.close();
            stopped.countDown();
        }, "dao-shutdown"));

        List<Credentials> members = chain.accounts().subList(0, MEMBERS);
        List<Allocation> allocations = IntStream.range(0, MEMBERS)
                .mapToObj(i -> new Allocation(members.get(i).getAddress(), DeploymentSettings.tokens(i == 0 ? 40_000 : 15_000)))
                .toList();
        DeploymentDescriptor deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(),
                Duration.ofMillis(100)).deploy(members.getFirst(), DeploymentSettings.forDevChain(allocations));
        DevGovernance governance = new DevGovernance(chain, deployment);
        members.forEach(governance::delegateToSelf);
        Path descriptorFile = home.resolve("deployment.json");
        deployment.write(descriptorFile);

        log.info("Model DAO is up in {} ms", (System.nanoTime() - started) / 1_000_000);
        log.info("  JSON-RPC      {} (chain id {})", chain.rpcUrl(), chain.chainId());
        log.info("  governor      {}", deployment.governor());
        log.info("  registry      {}", deployment.registry());
        log.info("  descriptor    {}", descriptorFile);
        for (int i = 0; i < members.size(); i++) {
            log.info("  dev account {} {} ({} votes, key {})", i, members.get(i).getAddress(),
                    allocations.get(i).amount().divide(DeploymentSettings.ONE_TOKEN),
                    members.get(i).getEcKeyPair().getPrivateKey().toString(16));
        }
        log.info("Press Ctrl-C to stop (the dev chain keeps its state in memory only).");
        stopped.await();
    }
}
