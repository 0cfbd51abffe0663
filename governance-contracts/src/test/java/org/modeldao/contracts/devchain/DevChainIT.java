package org.modeldao.contracts.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class DevChainIT {

    @Test
    void starts_a_node_whose_accounts_match_the_derived_keys_and_travels_in_time() throws Exception {
        try (DevChain chain = DevChain.start()) {
            assertThat(chain.web3j().ethChainId().send().getChainId().longValueExact()).isEqualTo(DevChain.CHAIN_ID);
            assertThat(chain.web3j().ethAccounts().send().getAccounts())
                    .containsExactlyElementsOf(chain.accounts().stream().map(Credentials::getAddress).toList());

            long before = chain.blockNumber();
            chain.mine(100);
            assertThat(chain.blockNumber()).isEqualTo(before + 100);

            long timeBefore = latestTimestamp(chain);
            chain.increaseTime(Duration.ofHours(2));
            assertThat(latestTimestamp(chain) - timeBefore).isGreaterThanOrEqualTo(7200);

            String snapshot = chain.snapshot();
            chain.mine(5);
            assertThat(chain.revert(snapshot)).isTrue();
            assertThat(chain.blockNumber()).isEqualTo(before + 101);
        }
    }

    @Test
    void close_stops_the_node_process_itself() {
        DevChain chain = DevChain.start();
        ProcessHandle node = ProcessHandle.of(chain.pid()).orElseThrow();
        chain.close();
        assertThat(node.isAlive()).isFalse();
        assertThat(chain.isRunning()).isFalse();
    }

    private static long latestTimestamp(DevChain chain) throws Exception {
        return chain.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                .send().getBlock().getTimestamp().longValueExact();
    }

    @Test
    void a_fixed_port_already_in_use_is_refused_instead_of_talking_to_someone_else_s_node() {
        try (DevChain first = DevChain.start()) {
            int taken = Integer.parseInt(first.rpcUrl().substring(first.rpcUrl().lastIndexOf(':') + 1));
            assertThat(DevChain.isPortFree(taken)).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DevChain.start(ContractsProject.locate(), taken))
                    .isInstanceOf(DevChainException.class)
                    .hasMessageContaining("already in use");
        }
    }
}
