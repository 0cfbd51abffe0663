package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modeldao.contracts.HostileNode.Answer;
import org.modeldao.contracts.NodeConnection.AnswerTooLarge;
import org.modeldao.contracts.NodeConnection.NodeLimits;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an unbounded client would wait for ever
class NodeConnectionTest {

    private static final NodeLimits ONE_SECOND_64_KB = new NodeLimits(Duration.ofSeconds(1), 64 * 1024);

    @Test
    void an_honest_answer_passes_through_the_bounds() throws Exception {
        try (HostileNode node = new HostileNode(Answer.HONEST)) {
            Web3j web3j = Web3j.build(NodeConnection.http(node.url(), ONE_SECOND_64_KB));
            assertThat(web3j.ethBlockNumber().send().getBlockNumber()).isEqualTo(BigInteger.valueOf(42));
            web3j.shutdown();
        }
    }

    @Test
    void a_node_trickling_its_answer_holds_web3js_own_client_but_not_a_bounded_call() throws Exception {
        try (HostileNode node = new HostileNode(Answer.TRICKLE)) {
            // the attack: a byte every 200 ms never trips the default per-read timeout (10 s)
            Web3j unbounded = Web3j.build(new HttpService(node.url()));
            CompletableFuture<?> held = CompletableFuture.runAsync(() -> {
                try {
                    unbounded.ethBlockNumber().send();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(12_000);
            assertThat(held).as("web3j's default client still waiting after 12 s").isNotDone();
            unbounded.shutdown();

            Web3j bounded = Web3j.build(NodeConnection.http(node.url(), ONE_SECOND_64_KB));
            long started = System.nanoTime();
            assertThatThrownBy(() -> bounded.ethBlockNumber().send()).isInstanceOf(InterruptedIOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            bounded.shutdown();
        }
    }

    @Test
    void a_node_flooding_an_answer_without_length_is_cut_off_at_the_cap() throws Exception {
        try (HostileNode node = new HostileNode(Answer.FLOOD)) {
            Web3j web3j = Web3j.build(NodeConnection.http(node.url(), new NodeLimits(Duration.ofSeconds(30), 64 * 1024)));
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
                try {
                    web3j.ethBlockNumber().send();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(AnswerTooLarge.class)
                    .rootCause().hasMessage("the node's answer exceeds 65536 bytes");
            web3j.shutdown();
        }
    }

    @Test
    void a_declared_length_over_the_cap_is_refused_before_its_body_is_read() throws Exception {
        try (HostileNode node = new HostileNode(Answer.HUGE_LENGTH)) {
            Web3j web3j = Web3j.build(NodeConnection.http(node.url(), new NodeLimits(Duration.ofSeconds(30), 64 * 1024)));
            long started = System.nanoTime();
            assertThatThrownBy(() -> web3j.ethBlockNumber().send()).isInstanceOf(AnswerTooLarge.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            web3j.shutdown();
        }
    }

    @Test
    void limits_out_of_range_are_refused_with_the_reason() {
        assertThatThrownBy(() -> new NodeLimits(Duration.ZERO, 1 << 20)).hasMessageContaining("call timeout must be more than 0");
        assertThatThrownBy(() -> new NodeLimits(Duration.ofHours(1), 1 << 20)).hasMessageContaining("at most PT10M");
        assertThatThrownBy(() -> new NodeLimits(null, 1 << 20)).hasMessageContaining("not null");
        assertThatThrownBy(() -> new NodeLimits(Duration.ofSeconds(1), 10)).hasMessageContaining("at least 1024 bytes");
    }
}
