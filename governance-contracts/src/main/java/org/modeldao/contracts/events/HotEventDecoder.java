package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.EventEncoder;

/**
 * Decodes the events that make up nearly all of a DAO's logs (Transfer, DelegateChanged,
 * DelegateVotesChanged, VoteCast) straight from their hex, when they are encoded exactly as
 * Solidity encodes them: the right number of topics, addresses with zero upper bytes, a
 * {@code uint8} below 256, the reason string at offset 128 with zero padding and no trailing
 * words. web3j's decoder reads each value through reflection and compiles a regular expression
 * per value; this was a quarter of the indexer's CPU at catch-up.
 *
 * <p>Anything else (another event, upper-case or non-hex digits, any deviation from that
 * layout) is declined with {@code null}, and {@link EventCatalogue} decodes it with web3j as
 * before, so hostile or odd logs get exactly the result (or the {@link UnrecognisedLog} reason)
 * they always got. {@code HotEventDecoderTest} checks both decoders agree on canonical and
 * mutated logs.
 */
final class HotEventDecoder {

    private static final String TRANSFER = EventEncoder.encode(GovernanceToken.TRANSFER_EVENT);
    private static final String DELEGATE_CHANGED = EventEncoder.encode(GovernanceToken.DELEGATECHANGED_EVENT);
    private static final String DELEGATE_VOTES_CHANGED = EventEncoder.encode(GovernanceToken.DELEGATEVOTESCHANGED_EVENT);
    private static final String VOTE_CAST = EventEncoder.encode(ModelDaoGovernor.VOTECAST_EVENT);
    private static final int WORD = 64; // hex digits
    private static final BigInteger REASON_OFFSET = BigInteger.valueOf(4 * 32); // bytes: after proposalId, support, weight and the offset word itself
    private static final HexFormat HEX = HexFormat.of();

    private HotEventDecoder() {
    }

    /** The typed event, or {@code null} when the log is not one of these events in canonical encoding. */
    static GovernanceEvent decode(EventPosition position, List<String> topics, String data) {
        if (topics.isEmpty() || data == null || !data.startsWith("0x") || (data.length() - 2) % WORD != 0) {
            return null;
        }
        String topic0 = topics.getFirst();
        int words = (data.length() - 2) / WORD;
        return switch (position.contract()) {
            case TOKEN -> {
                if (topic0.equals(TRANSFER) && topics.size() == 3 && words == 1) {
                    yield transfer(position, topics, data);
                } else if (topic0.equals(DELEGATE_CHANGED) && topics.size() == 4 && words == 0) {
                    yield delegateChanged(position, topics);
                } else if (topic0.equals(DELEGATE_VOTES_CHANGED) && topics.size() == 2 && words == 2) {
                    yield delegateVotesChanged(position, topics, data);
                }
                yield null;
            }
            case GOVERNOR -> topic0.equals(VOTE_CAST) && topics.size() == 2 && words >= 5 ? voteCast(position, topics, data, words) : null;
            default -> null;
        };
    }

    private static GovernanceEvent transfer(EventPosition position, List<String> topics, String data) {
        String from = address(topics.get(1));
        String to = address(topics.get(2));
        BigInteger value = uint(data, 0);
        return from == null || to == null || value == null ? null : new TokenEvent.Transfer(position, from, to, value);
    }

    private static GovernanceEvent delegateChanged(EventPosition position, List<String> topics) {
        String delegator = address(topics.get(1));
        String from = address(topics.get(2));
        String to = address(topics.get(3));
        return delegator == null || from == null || to == null ? null : new TokenEvent.DelegateChanged(position, delegator, from, to);
    }

    private static GovernanceEvent delegateVotesChanged(EventPosition position, List<String> topics, String data) {
        String delegate = address(topics.get(1));
        BigInteger previous = uint(data, 0);
        BigInteger now = uint(data, 1);
        return delegate == null || previous == null || now == null ? null
                : new TokenEvent.DelegateVotesChanged(position, delegate, previous, now);
    }

    private static GovernanceEvent voteCast(EventPosition position, List<String> topics, String data, int words) {
        String voter = address(topics.get(1));
        BigInteger proposalId = uint(data, 0);
        BigInteger support = uint(data, 1);
        BigInteger weight = uint(data, 2);
        BigInteger offset = uint(data, 3);
        BigInteger length = uint(data, 4);
        if (voter == null || proposalId == null || support == null || weight == null || offset == null || length == null
                || support.bitLength() > 8 || !offset.equals(REASON_OFFSET) || length.bitLength() > 31) {
            return null;
        }
        long bytes = length.longValue();
        long paddedWords = (bytes + 31) / 32;
        if (words != 5 + paddedWords) {
            return null;
        }
        int start = 2 + 5 * WORD;
        int end = start + (int) (2 * bytes);
        if (!zeros(data, end, data.length()) || !isHex(data, start, end)) {
            return null;
        }
        String reason = new String(HEX.parseHex(data, start, end), StandardCharsets.UTF_8);
        return new GovernorEvent.VoteCast(position, voter, proposalId, support.intValue(), weight, reason);
    }

    /** An address topic: {@code 0x}, 24 zero digits, 40 lower-case hex digits; {@code null} otherwise. */
    private static String address(String topic) {
        if (topic.length() != 2 + WORD || !topic.startsWith("0x") || !zeros(topic, 2, 26) || !isHex(topic, 26, topic.length())) {
            return null;
        }
        return topic.substring(0, 2) + topic.substring(26);
    }

    /** Word {@code index} of the data as an unsigned integer; {@code null} when it is not lower-case hex. */
    private static BigInteger uint(String data, int index) {
        int start = 2 + index * WORD;
        if (!isHex(data, start, start + WORD)) {
            return null;
        }
        return new BigInteger(1, HEX.parseHex(data, start, start + WORD));
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
