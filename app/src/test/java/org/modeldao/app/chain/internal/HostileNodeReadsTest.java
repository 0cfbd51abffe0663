package org.modeldao.app.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modeldao.app.chain.ChainProperties;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.contracts.HostileNode;
import org.modeldao.contracts.HostileNode.Answer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/**
 * The app's chain client, as its configuration builds it from {@code modeldao.chain.*}, against a
 * node answering as an attacker would: the sign-in's voting-power read ends with a clear
 * {@link ChainUnavailable} within the call timeout, instead of holding the member's page.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an unbounded client would wait for ever
class HostileNodeReadsTest {

    private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String GOVERNOR = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    private static final String MEMBER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ChainProperties.class)
    static class Chain {
    }

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(Chain.class, ChainConfiguration.class);

    @Test
    void a_trickling_node_fails_the_sign_in_read_within_the_call_timeout() {
        try (HostileNode node = new HostileNode(Answer.TRICKLE)) {
            app.withPropertyValues("modeldao.chain.rpc-url=" + node.url(), "modeldao.chain.call-timeout=1s").run(context -> {
                ContractVotingPowerReader reader = new ContractVotingPowerReader(context.getBean(Web3j.class), TOKEN, GOVERNOR);
                long started = System.nanoTime();
                assertThatThrownBy(() -> reader.read(MEMBER)).isInstanceOf(ChainUnavailable.class)
                        .hasMessageContaining("Could not read the voting power of " + MEMBER);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            });
        }
    }

    @Test
    void a_flooding_node_fails_the_read_at_the_answer_cap_not_at_the_heap() {
        try (HostileNode node = new HostileNode(Answer.FLOOD)) {
            app.withPropertyValues("modeldao.chain.rpc-url=" + node.url(), "modeldao.chain.max-answer-size=64KB").run(context -> {
                ContractVotingPowerReader reader = new ContractVotingPowerReader(context.getBean(Web3j.class), TOKEN, GOVERNOR);
                assertThatThrownBy(() -> reader.read(MEMBER)).isInstanceOf(ChainUnavailable.class)
                        .hasMessageContaining("the node's answer exceeds 65536 bytes");
                assertThat(node.bytesSent()).isLessThan(4L * 1024 * 1024); // the socket's buffers, not the flood
            });
        }
    }

    @Test
    void an_honest_node_is_read_through_the_same_bounds() {
        try (HostileNode node = new HostileNode(Answer.HONEST)) {
            app.withPropertyValues("modeldao.chain.rpc-url=" + node.url(), "modeldao.chain.call-timeout=1s").run(context -> {
                VotingPower power = new ContractVotingPowerReader(context.getBean(Web3j.class), TOKEN, GOVERNOR).read(MEMBER);
                assertThat(power.votes()).isEqualTo(BigInteger.valueOf(42));
            });
        }
    }

    @Test
    void a_call_timeout_out_of_range_stops_the_start_with_the_reason() {
        app.withPropertyValues("modeldao.chain.call-timeout=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("call timeout must be more than 0"));
        app.withPropertyValues("modeldao.chain.max-answer-size=10B").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("at least 1024 bytes"));
    }
}
