package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.DeploymentSafety.UnsafeDeployment;
import org.modeldao.contracts.devchain.ContractsProject;
import org.modeldao.contracts.devchain.DevAccounts;
import org.modeldao.contracts.devchain.DevChain;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * DeployCommand against real Hardhat nodes: one posing as another chain (chain id 1337) refuses
 * the docker dev settings — Hardhat's key #0, tokens for dev accounts, a 50-block vote, a
 * one-minute timelock — before sending a single transaction; the dev chain still takes them.
 */
class DeployCommandIT {

    @TempDir
    Path folder;

    @Test
    void the_dev_settings_are_refused_on_another_chain_before_any_transaction() throws Exception {
        try (DevChain chain = DevChain.start(ContractsProject.locate(), 0, 1337)) {
            assertThat(chain.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(1337));
            long blockBefore = chain.blockNumber();
            Path descriptor = folder.resolve("deployment.json");

            assertThatThrownBy(() -> DeployCommand.run(devEnvironment(chain, descriptor)))
                    .isInstanceOf(UnsafeDeployment.class)
                    .hasMessageStartingWith("Refusing to deploy on chain 1337")
                    .hasMessageContaining("DEPLOYER_PRIVATE_KEY is the key of Hardhat dev account #0")
                    .hasMessageContaining("TOKEN_ALLOCATIONS gives tokens to Hardhat dev account #1")
                    .hasMessageContaining("VOTING_PERIOD_BLOCKS=50").hasMessageContaining("TIMELOCK_DELAY_SECONDS=60");

            assertThat(chain.blockNumber()).isEqualTo(blockBefore);
            assertThat(chain.web3j().ethGetTransactionCount(DevAccounts.get(0).getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount()).isZero();
            assertThat(descriptor).doesNotExist();
        }
    }

    @Test
    void the_dev_chain_still_deploys_with_the_dev_settings() throws Exception {
        try (DevChain chain = DevChain.start()) {
            Path descriptor = folder.resolve("deployment.json");

            DeploymentDescriptor deployed = DeployCommand.run(devEnvironment(chain, descriptor));

            assertThat(deployed.chainId()).isEqualTo(31337);
            assertThat(DeploymentDescriptor.read(descriptor)).isEqualTo(deployed);
        }
    }

    @Test
    void placeholders_are_refused_before_the_node_is_contacted() {
        Map<String, String> environment = devEnvironment(null, folder.resolve("deployment.json"));
        environment.put("RPC_URL", "http://127.0.0.1:1/never-contacted");
        environment.put("DEPLOYER_PRIVATE_KEY", "replace-with-the-deployer-private-key");

        assertThatThrownBy(() -> DeployCommand.run(environment)).isInstanceOf(UnsafeDeployment.class)
                .hasMessageContaining("DEPLOYER_PRIVATE_KEY still holds the placeholder from .env.example");
    }

    /** What docker/.env.example used to ship for the dev chain. */
    private static Map<String, String> devEnvironment(DevChain chain, Path descriptor) {
        Map<String, String> environment = new HashMap<>();
        environment.put("RPC_URL", chain == null ? "" : chain.rpcUrl());
        environment.put("DEPLOYER_PRIVATE_KEY", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        environment.put("TOKEN_ALLOCATIONS", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8=15000,0x" + "ab".repeat(20) + "=40000");
        environment.put("DESCRIPTOR_PATH", descriptor.toString());
        environment.put("VOTING_DELAY_BLOCKS", "1");
        environment.put("VOTING_PERIOD_BLOCKS", "50");
        environment.put("LATE_QUORUM_EXTENSION_BLOCKS", "10");
        environment.put("TIMELOCK_DELAY_SECONDS", "60");
        return environment;
    }
}
