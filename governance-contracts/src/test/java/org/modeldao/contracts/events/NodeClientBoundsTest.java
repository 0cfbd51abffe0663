package org.modeldao.contracts.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modeldao.contracts.HostileNode;
import org.modeldao.contracts.HostileNode.Answer;
import org.modeldao.contracts.NodeConnection;
import org.modeldao.contracts.NodeConnection.NodeLimits;
import org.web3j.protocol.Web3j;

/**
 * A log range whose answer breaks the client's bounds is one the stream halves, like a range the
 * node itself refuses as too big: a smaller range may fit, and a single block is then read from
 * its receipts. Anything else about the node stays "unreachable".
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NodeClientBoundsTest {

    private static final List<String> CONTRACTS = List.of("0x5fbdb2315678afecb367f032d93f642f64180aa3");

    @Test
    void an_answer_over_the_size_cap_is_a_range_refused_as_too_big() {
        try (HostileNode node = new HostileNode(Answer.FLOOD)) {
            NodeClient client = client(node, new NodeLimits(Duration.ofSeconds(30), 64 * 1024));
            assertThatThrownBy(() -> client.logs(100, 2099)).isInstanceOf(NodeClient.LogsRefused.class)
                    .hasMessage("eth_getLogs 100-2099: the node's answer exceeds 65536 bytes");
        }
    }

    @Test
    void an_answer_past_the_call_timeout_is_a_range_refused_as_too_big() {
        try (HostileNode node = new HostileNode(Answer.TRICKLE)) {
            NodeClient client = client(node, new NodeLimits(Duration.ofSeconds(1), 64 * 1024));
            assertThatThrownBy(() -> client.logs(100, 2099)).isInstanceOf(NodeClient.LogsRefused.class)
                    .hasMessageStartingWith("eth_getLogs 100-2099 timed out");
        }
    }

    private static NodeClient client(HostileNode node, NodeLimits limits) {
        return new NodeClient(Web3j.build(NodeConnection.http(node.url(), limits)), CONTRACTS);
    }
}
