package org.modeldao.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory helpers a consumer without a database keeps beside the stream, and the hex form. */
class ConsumerMemoryTest {

    @Test
    void recent_blocks_keep_the_newest_up_to_their_capacity_and_forget_what_a_rollback_drops() {
        RecentBlocks known = new RecentBlocks(3);
        known.record(batch(10, 14, List.of(block(10), block(12), block(14)), List.of()));
        known.record(batch(15, 16, List.of(block(15), block(16)), List.of()));

        assertThat(known.newestFirst(10)).extracting(ChainBlock::number).containsExactly(16L, 15L, 14L);
        assertThat(known.newestFirst(1)).extracting(ChainBlock::number).containsExactly(16L);

        known.apply(new Rollback(14, 16, hash(16), null, false));
        assertThat(known.newestFirst(10)).extracting(ChainBlock::number).containsExactly(14L);
        known.clear();
        assertThat(known.newestFirst(10)).isEmpty();
    }

    @Test
    void in_memory_operations_answer_what_was_scheduled_and_forget_it_after_a_rollback_below_it() {
        InMemoryOperations operations = new InMemoryOperations();
        EventPosition at20 = new EventPosition(20, hash(20), hash(1), 0, Instant.EPOCH, DaoContract.TIMELOCK);
        operations.record(batch(20, 20, List.of(block(20)), List.of(new ScheduledOperation(hash(99), BigInteger.TWO, at20))));

        assertThat(operations.proposalOf(hash(99))).contains(BigInteger.TWO);
        assertThat(operations.proposalOf(hash(98))).isEmpty();
        operations.discardAbove(20);
        assertThat(operations.size()).isEqualTo(1);
        operations.discardAbove(19);
        assertThat(operations.proposalOf(hash(99))).isEmpty();
    }

    @Test
    void hex_is_0x_lower_case_everywhere() {
        assertThat(ChainHex.of(new byte[] {(byte) 0xAB, 0x01})).isEqualTo("0xab01");
        assertThat(ChainHex.normalise("ABcd")).isEqualTo("0xabcd");
        assertThat(ChainHex.address("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(ChainHex.bare("0xABCD")).isEqualTo("abcd");
        assertThat(ChainHex.bytes("0xabc")).containsExactly(0x0a, 0xbc);
        assertThatThrownBy(() -> ChainHex.normalise("0xzz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainHex.address("0x1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_refuse_values_that_cannot_work() {
        assertThat(StreamSettings.defaults()).isEqualTo(new StreamSettings(2_000, 0, 1_000));
        assertThatThrownBy(() -> new StreamSettings(0, 0, 1)).hasMessageContaining("batch blocks");
        assertThatThrownBy(() -> new StreamSettings(1, -1, 1)).hasMessageContaining("confirmations");
        assertThatThrownBy(() -> new StreamSettings(1, 0, 0)).hasMessageContaining("max reorg depth");
    }

    private static EventBatch batch(long from, long to, List<ChainBlock> blocks, List<ScheduledOperation> scheduled) {
        return new EventBatch(from, to, List.of(), blocks, scheduled, List.of(), Optional.empty());
    }

    private static ChainBlock block(long number) {
        return new ChainBlock(number, hash(number), Instant.EPOCH.plusSeconds(number));
    }

    private static String hash(long n) {
        return "0x" + "0".repeat(64 - Long.toHexString(n).length()) + Long.toHexString(n);
    }
}
