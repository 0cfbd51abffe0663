package org.modeldao.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The direct decoder of the hot events must give exactly what web3j's decoder gives (through the
 * same catalogue), on canonical logs and on every kind of damaged one: same event, or same
 * UnrecognisedLog with the same reason.
 */
class HotEventDecoderTest {

    private static final String GOVERNOR = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
    private static final EventCatalogue direct = new EventCatalogue(GOVERNOR, true);
    private static final EventCatalogue web3jOnly = new EventCatalogue(GOVERNOR, false);
    private static final String TRANSFER = EventEncoder.encode(GovernanceToken.TRANSFER_EVENT);
    private static final String DELEGATE_CHANGED = EventEncoder.encode(GovernanceToken.DELEGATECHANGED_EVENT);
    private static final String VOTES_CHANGED = EventEncoder.encode(GovernanceToken.DELEGATEVOTESCHANGED_EVENT);
    private static final String VOTE_CAST = EventEncoder.encode(ModelDaoGovernor.VOTECAST_EVENT);
    private static final char[] HEX_AND_NOT = "0123456789abcdefABCDEFxg ".toCharArray();

    private record RawLog(DaoContract contract, List<String> topics, String data) {
    }

    @Test
    void canonical_logs_are_decoded_directly_and_equal_to_web3j() {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            RawLog log = canonical(random, i % 4);
            GovernanceEvent hot = HotEventDecoder.decode(position(log.contract()), log.topics(), log.data());

            assertThat(hot).as("taken directly: %s", log).isNotNull().isNotInstanceOf(UnrecognisedLog.class);
            assertThat(hot).isEqualTo(decodeWithWeb3j(log));
        }
    }

    @Test
    void a_reason_with_invalid_utf8_nul_and_exactly_32_bytes_decodes_as_web3j_decodes_it() {
        for (byte[] reason : List.of(new byte[] {'o', 'k', 0, (byte) 0xc3}, new byte[32], new byte[33], new byte[0],
                "\u202e spoof".getBytes(StandardCharsets.UTF_8))) {
            RawLog log = vote(address(new Random(reason.length)), BigInteger.TEN, 1, BigInteger.TWO, reason);

            assertThat(HotEventDecoder.decode(position(log.contract()), log.topics(), log.data())).isNotNull()
                    .isEqualTo(decodeWithWeb3j(log));
        }
    }

    @Test
    void damaged_logs_decode_exactly_as_with_web3j_alone() {
        Random random = new Random(1414);
        int declined = 0;
        for (int i = 0; i < 20_000; i++) {
            RawLog log = damaged(random, canonical(random, i % 4));
            GovernanceEvent expected = decodeWithWeb3j(log);

            assertThat(direct.decode(position(log.contract()), log.topics(), log.data(), Optional.empty()))
                    .as("damaged log %s", log).isEqualTo(expected);
            if (HotEventDecoder.decode(position(log.contract()), log.topics(), log.data()) == null) {
                declined++;
            }
        }
        assertThat(declined).as("damaged logs left to web3j").isGreaterThan(5_000);
    }

    @Test
    void address_topics_with_upper_bytes_a_support_over_255_and_a_moved_reason_are_left_to_web3j() {
        Random random = new Random(7);
        RawLog transfer = canonical(random, 0);
        List<String> dirty = new ArrayList<>(transfer.topics());
        dirty.set(1, "0x01" + dirty.get(1).substring(4));
        RawLog vote = vote(address(random), BigInteger.ONE, 256, BigInteger.ONE, new byte[0]);
        RawLog movedReason = new RawLog(DaoContract.GOVERNOR, vote.topics(), "0x" + word(1) + word(1) + word(1) + word(160)
                + word(0) + word(0));

        for (RawLog log : List.of(new RawLog(DaoContract.TOKEN, dirty, transfer.data()), vote, movedReason)) {
            assertThat(HotEventDecoder.decode(position(log.contract()), log.topics(), log.data())).isNull();
            assertThat(direct.decode(position(log.contract()), log.topics(), log.data(), Optional.empty()))
                    .isEqualTo(decodeWithWeb3j(log));
        }
    }

    private static GovernanceEvent decodeWithWeb3j(RawLog log) {
        return web3jOnly.decode(position(log.contract()), log.topics(), log.data(), Optional.empty());
    }

    private static RawLog canonical(Random random, int kind) {
        return switch (kind) {
            case 0 -> new RawLog(DaoContract.TOKEN, List.of(TRANSFER, topic(address(random)), topic(address(random))),
                    "0x" + word(amount(random)));
            case 1 -> new RawLog(DaoContract.TOKEN, List.of(DELEGATE_CHANGED, topic(address(random)), topic(address(random)),
                    topic(address(random))), "0x");
            case 2 -> new RawLog(DaoContract.TOKEN, List.of(VOTES_CHANGED, topic(address(random))),
                    "0x" + word(amount(random)) + word(amount(random)));
            default -> {
                byte[] reason = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(100)];
                random.nextBytes(reason);
                yield vote(address(random), amount(random), random.nextInt(256), amount(random), reason);
            }
        };
    }

    @SuppressWarnings("rawtypes")
    private static RawLog vote(String voter, BigInteger proposalId, int support, BigInteger weight, byte[] reason) {
        List<Type> values = List.of(new Uint256(proposalId), new Uint8(BigInteger.valueOf(support).min(BigInteger.valueOf(255))),
                new Uint256(weight), new DynamicBytes(reason));
        String data = "0x" + FunctionEncoder.encodeConstructor(values);
        if (support > 255) { // web3j will not encode it: put the word in by hand
            data = data.substring(0, 2 + 64) + word(BigInteger.valueOf(support)) + data.substring(2 + 128);
        }
        return new RawLog(DaoContract.GOVERNOR, List.of(VOTE_CAST, topic(voter)), data);
    }

    /** One random damage: a changed digit (hex or not), a word more or less, a topic more or less, another contract. */
    private static RawLog damaged(Random random, RawLog log) {
        List<String> topics = new ArrayList<>(log.topics());
        String data = log.data();
        DaoContract contract = log.contract();
        switch (random.nextInt(9)) {
            case 0, 1, 2 -> data = changeDigit(random, data);
            case 3 -> {
                int t = 1 + random.nextInt(Math.max(1, topics.size() - 1));
                if (t < topics.size()) {
                    topics.set(t, changeDigit(random, topics.get(t)));
                }
            }
            case 4 -> data = data.length() > 2 ? data.substring(0, data.length() - 64) : data + word(1);
            case 5 -> data = data + (random.nextBoolean() ? word(0) : "00");
            case 6 -> {
                if (random.nextBoolean()) {
                    topics.add(topic(address(random)));
                } else {
                    topics.removeLast();
                }
            }
            case 7 -> contract = random.nextBoolean() ? DaoContract.TIMELOCK : (contract == DaoContract.TOKEN ? DaoContract.GOVERNOR
                    : DaoContract.TOKEN);
            default -> data = wordChanged(random, data);
        }
        return new RawLog(contract, topics, data);
    }

    private static String changeDigit(Random random, String hex) {
        if (hex.length() <= 2) {
            return hex + "0";
        }
        int at = 2 + random.nextInt(hex.length() - 2);
        return hex.substring(0, at) + HEX_AND_NOT[random.nextInt(HEX_AND_NOT.length)] + hex.substring(at + 1);
    }

    /** A whole data word set to a small or huge value (offsets, lengths, support). */
    private static String wordChanged(Random random, String data) {
        int words = (data.length() - 2) / 64;
        if (words == 0) {
            return data + word(1);
        }
        int w = random.nextInt(Math.min(words, 6));
        BigInteger value = switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(random.nextInt(300));
            case 1 -> BigInteger.valueOf(32L * random.nextInt(8));
            case 2 -> BigInteger.ONE.shiftLeft(31 + random.nextInt(200));
            default -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        };
        int at = 2 + w * 64;
        return data.substring(0, at) + word(value) + data.substring(at + 64);
    }

    private static BigInteger amount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
            default -> new BigInteger(random.nextInt(256) + 1, random);
        };
    }

    private static String address(Random random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        if (random.nextInt(10) == 0) {
            bytes = new byte[20]; // the zero address (mint, burn, no delegate)
        }
        return ChainHex.of(bytes);
    }

    private static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static String word(long value) {
        return word(BigInteger.valueOf(value));
    }

    private static String word(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static EventPosition position(DaoContract contract) {
        return new EventPosition(5, ChainHex.of(new byte[32]), ChainHex.of(new byte[32]), 3, Instant.EPOCH, contract);
    }
}
