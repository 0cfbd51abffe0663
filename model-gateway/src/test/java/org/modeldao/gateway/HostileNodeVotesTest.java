package org.modeldao.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.HostileNode;
import org.modeldao.contracts.HostileNode.Answer;
import org.modeldao.contracts.VotingPowerCalls;
import org.modeldao.gateway.policy.PerBlockVotesCache;
import org.modeldao.gateway.policy.VotesLookup;
import org.modeldao.gateway.policy.VotesLookup.VotesUnavailableException;
import org.modeldao.gateway.policy.chain.TokenVotes;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.web3j.protocol.Web3j;

/**
 * The gateway's chain client, as its configuration builds it from {@code gateway.chain.*}, against a
 * node answering as an attacker would. A token-holder policy asks the chain for the caller's votes
 * inside the inference call: the call must be refused as "votes unavailable" within the call
 * timeout, not held for as long as the node trickles.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an unbounded client would wait for ever
class HostileNodeVotesTest {

    private static final String MEMBER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Test
    void a_trickling_node_fails_a_votes_lookup_within_the_call_timeout() {
        try (HostileNode node = new HostileNode(Answer.TRICKLE)) {
            Web3j web3j = web3j(node, Map.of("gateway.chain.call-timeout", "1s"));
            long started = System.nanoTime();
            assertThatThrownBy(() -> votes(web3j).votesOf(MEMBER)).isInstanceOf(VotesUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            web3j.shutdown();
        }
    }

    @Test
    void a_flooding_node_fails_a_votes_lookup_at_the_answer_cap() {
        try (HostileNode node = new HostileNode(Answer.FLOOD)) {
            Web3j web3j = web3j(node, Map.of("gateway.chain.max-answer-size", "64KB"));
            assertThatThrownBy(() -> votes(web3j).votesOf(MEMBER)).isInstanceOf(VotesUnavailableException.class)
                    .hasStackTraceContaining("the node's answer exceeds 65536 bytes");
            assertThat(node.bytesSent()).isLessThan(4L * 1024 * 1024);
            web3j.shutdown();
        }
    }

    @Test
    void an_honest_node_is_read_through_the_same_bounds() throws Exception {
        try (HostileNode node = new HostileNode(Answer.HONEST)) {
            Web3j web3j = web3j(node, Map.of("gateway.chain.call-timeout", "1s", "gateway.chain.max-answer-size", "2KB"));
            assertThat(votes(web3j).votesOf(MEMBER)).isEqualTo(BigInteger.valueOf(42));
            web3j.shutdown();
        }
    }

    @Test
    void bounds_out_of_range_are_refused_at_binding_with_the_reason() {
        assertThatThrownBy(() -> bind(Map.of("gateway.chain.call-timeout", "11m")))
                .hasRootCauseMessage("the node call timeout must be more than 0 and at most PT10M, not PT11M");
    }

    private static VotesLookup votes(Web3j web3j) {
        DeploymentDescriptor deployment = deployment("http://unused");
        return new PerBlockVotesCache(new TokenVotes(new VotingPowerCalls(web3j, deployment)), () -> 1L);
    }

    private static Web3j web3j(HostileNode node, Map<String, String> settings) {
        return new ChainConfiguration().web3j(deployment(node.url()), bind(settings));
    }

    private static GatewayProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway", GatewayProperties.class);
    }

    private static DeploymentDescriptor deployment(String rpcUrl) {
        return new DeploymentDescriptor(31337, rpcUrl, "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
                "0xCf7Ed3AccA5a467e9e704C453E3d971d6B675c32", 0, Instant.EPOCH);
    }
}
