package org.modeldao.contracts.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void a_jvm_that_exits_without_closing_its_chain_still_stops_the_node() throws Exception {
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), ExitWithoutClose.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        Matcher pid = Pattern.compile("node pid (\\d+)").matcher(output);
        assertThat(pid.find()).as(output).isTrue();
        ProcessHandle node = ProcessHandle.of(Long.parseLong(pid.group(1))).orElse(null);
        if (node != null) {
            try {
                node.onExit().get(15, TimeUnit.SECONDS); // throws TimeoutException if it lives on
            } finally {
                node.destroy(); // a failing run leaves no node behind either
            }
        }
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
