package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.events.ChainBlock;
import org.modeldao.contracts.events.DaoContract;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.EventPosition;
import org.modeldao.contracts.events.KnownBlocks;
import org.modeldao.contracts.events.OperationLookup;
import org.modeldao.contracts.events.ScheduledOperation;

/** What a read ahead sees while a batch is in store: the chain as it will stand once that batch is committed. */
class BatchInStoreTest {

    private static final String OPERATION = "0x" + "ab".repeat(32);
    private static final String STORED_OPERATION = "0x" + "cd".repeat(32);

    private final BatchInStore inStore = new BatchInStore();
    private final KnownBlocks stored = blocks(LongStream.rangeClosed(1, 99).mapToObj(n -> block(n, "old")).toList());
    private final OperationLookup storedOperations = id -> Optional.ofNullable(Map.of(STORED_OPERATION, BigInteger.ONE).get(id));

    @Test
    void with_nothing_in_store_the_stored_blocks_and_operations_are_seen() {
        assertThat(inStore.over(stored).newestFirst(3)).extracting(ChainBlock::number).containsExactly(99L, 98L, 97L);
        assertThat(inStore.over(storedOperations).proposalOf(STORED_OPERATION)).contains(BigInteger.ONE);
        assertThat(inStore.over(storedOperations).proposalOf(OPERATION)).isEmpty();
    }

    @Test
    void the_newest_block_is_the_end_block_of_the_batch_in_store() {
        inStore.set(batch(100, 120, List.of(block(100, "new"), block(107, "new"), block(120, "new"))));

        assertThat(inStore.over(stored).newestFirst(1)).containsExactly(block(120, "new"));
        assertThat(inStore.over(stored).newestFirst(5)).extracting(ChainBlock::number).containsExactly(120L, 107L, 100L, 99L, 98L);
    }

    @Test
    void stored_blocks_of_the_batch_range_are_replaced_by_the_batch_blocks_as_the_commit_will_replace_them() {
        KnownBlocks storedAbove = blocks(LongStream.rangeClosed(1, 130).mapToObj(n -> block(n, "old")).toList());
        inStore.set(batch(100, 120, List.of(block(100, "new"), block(120, "new"))));

        List<ChainBlock> seen = inStore.over(storedAbove).newestFirst(15);

        assertThat(seen).extracting(ChainBlock::number)
                .containsExactly(130L, 129L, 128L, 127L, 126L, 125L, 124L, 123L, 122L, 121L, 120L, 100L, 99L, 98L, 97L);
        assertThat(seen).filteredOn(b -> b.number() >= 100 && b.number() <= 120).allMatch(b -> b.hash().endsWith("new"));
    }

    @Test
    void operations_scheduled_by_the_batch_in_store_are_found_before_they_are_stored() {
        ScheduledOperation scheduled = new ScheduledOperation(OPERATION, BigInteger.TEN,
                new EventPosition(105, "0x" + "00".repeat(32), "0x" + "11".repeat(32), 0, Instant.EPOCH, DaoContract.GOVERNOR));
        inStore.set(new EventBatch(100, 120, List.of(), List.of(block(100, "new"), block(120, "new")), List.of(scheduled), List.of(),
                Optional.empty()));

        assertThat(inStore.over(storedOperations).proposalOf(OPERATION)).contains(BigInteger.TEN);
        assertThat(inStore.over(storedOperations).proposalOf(STORED_OPERATION)).contains(BigInteger.ONE);

        inStore.clear();
        assertThat(inStore.over(storedOperations).proposalOf(OPERATION)).isEmpty();
    }

    private static EventBatch batch(long from, long to, List<ChainBlock> blocks) {
        return new EventBatch(from, to, List.of(), blocks, List.of(), List.of(), Optional.empty());
    }

    private static ChainBlock block(long number, String version) {
        return new ChainBlock(number, "0x" + Long.toHexString(number) + version, Instant.ofEpochSecond(number));
    }

    private static KnownBlocks blocks(List<ChainBlock> all) {
        List<ChainBlock> newestFirst = all.stream().sorted(Comparator.comparingLong(ChainBlock::number).reversed()).toList();
        return limit -> newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }
}
