package org.modeldao.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.devchain.DevAccounts;
import org.modeldao.contracts.devchain.DevChain;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The deployer container's entrypoint (docker/deployer/deploy-once.sh) against a real dev chain,
 * with this test's classpath standing in for the image's /opt/deployer/lib: it deploys once,
 * keeps a deployment that is on the chain, deploys again when the chain lost it, and refuses bad
 * input without writing a descriptor.
 */
class DeployOnceScriptIT {

    private static DevChain chain;
    private static Path script;

    @TempDir
    Path folder;

    @BeforeAll
    static void startChain() {
        chain = DevChain.start();
        script = RepositoryFixture.repository().resolve("docker/deployer/deploy-once.sh");
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void deploys_once_keeps_a_live_deployment_and_redeploys_when_the_chain_lost_it() throws IOException {
        String beforeDeployment = chain.snapshot();
        Path descriptor = folder.resolve("deployment.json");

        ScriptRun first = ScriptRun.run(script, environment(descriptor));
        assertThat(first.exitCode()).as(first.output()).isZero();
        DeploymentDescriptor deployed = DeploymentDescriptor.read(descriptor);
        assertThat(deployed.chainId()).isEqualTo(DevChain.CHAIN_ID);
        assertThat(codeAt(deployed.registry())).isNotEqualTo("0x");
        assertThat(first.output()).as("the image's Logback configuration shows the deployer's log")
                .contains("GovernanceDeployer - Deployed the model DAO on chain 31337", deployed.registry());
        String written = Files.readString(descriptor);

        ScriptRun second = ScriptRun.run(script, environment(descriptor));
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("already deployed on chain 31337");
        assertThat(Files.readString(descriptor)).isEqualTo(written);

        assertThat(chain.revert(beforeDeployment)).isTrue();
        assertThat(codeAt(deployed.registry())).isEqualTo("0x");
        ScriptRun third = ScriptRun.run(script, environment(descriptor));
        assertThat(third.exitCode()).as(third.output()).isZero();
        assertThat(third.output()).contains("not on chain 31337", "deploying again");
        DeploymentDescriptor redeployed = DeploymentDescriptor.read(descriptor);
        assertThat(redeployed.deployedAt()).isAfter(deployed.deployedAt());
        assertThat(codeAt(redeployed.registry())).isNotEqualTo("0x");
    }

    @Test
    void missing_token_allocations_fail_without_writing_a_descriptor() {
        Path descriptor = folder.resolve("deployment.json");
        Map<String, String> environment = environment(descriptor);
        environment.remove("TOKEN_ALLOCATIONS");

        ScriptRun run = ScriptRun.run(script, environment);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("environment variable TOKEN_ALLOCATIONS is required");
        assertThat(descriptor).doesNotExist();
    }

    @Test
    void an_unreachable_node_fails_with_a_clear_message() throws IOException {
        Path descriptor = folder.resolve("deployment.json");
        Map<String, String> environment = environment(descriptor);
        try (ServerSocket socket = new ServerSocket(0)) {
            environment.put("RPC_URL", "http://127.0.0.1:" + socket.getLocalPort() + "/closed");
        }

        ScriptRun run = ScriptRun.run(script, environment);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("cannot reach the chain node at http://127.0.0.1:");
        assertThat(descriptor).doesNotExist();
    }

    private static Map<String, String> environment(Path descriptor) {
        Map<String, String> environment = new HashMap<>();
        environment.put("RPC_URL", chain.rpcUrl());
        environment.put("DEPLOYER_PRIVATE_KEY", DevAccounts.get(0).getEcKeyPair().getPrivateKey().toString(16));
        environment.put("TOKEN_ALLOCATIONS", DevAccounts.get(1).getAddress() + "=40000," + DevAccounts.get(2).getAddress() + "=15000");
        environment.put("DESCRIPTOR_PATH", descriptor.toString());
        environment.put("DEPLOYER_CLASSPATH", System.getProperty("java.class.path"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("OPT_OUT_TRACKING", "true");
        environment.put("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile="
                + RepositoryFixture.repository().resolve("docker/deployer/logback.xml"));
        environment.put("VOTING_DELAY_BLOCKS", "1");
        environment.put("VOTING_PERIOD_BLOCKS", "50");
        environment.put("LATE_QUORUM_EXTENSION_BLOCKS", "10");
        environment.put("TIMELOCK_DELAY_SECONDS", "60");
        return environment;
    }

    private static String codeAt(String address) {
        try {
            return chain.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
