package org.modeldao.contracts.events;

import java.util.List;
import java.util.Optional;

/**
 * What one {@link GovernanceEventStream#readBatch} read: the events of blocks
 * {@code fromBlock..toBlock} in chain order, the blocks read ({@code fromBlock},
 * every block holding an event and {@code toBlock}), the timelock operations the governor scheduled and the proposals executed in
 * the range. Empty with {@code toBlock = fromBlock - 1} when nothing was confirmed past
 * {@code fromBlock - 1}; when the blocks the consumer holds left the canonical chain, it carries
 * only the {@link #rollback()} and nothing was read.
 *
 * @param fromBlock           first block of the range
 * @param toBlock             last block of the range ({@code fromBlock - 1} when empty)
 * @param events              decoded logs of the four DAO contracts, in chain order
 * @param blocks              headers of the blocks read, ascending: {@code fromBlock}, every block holding an
 *                            event, and {@code toBlock}
 * @param scheduledOperations operations the governor scheduled in the range, with their proposals
 * @param executions          proposals executed in the range, through the governor or the timelock directly
 * @param rollback            present when the consumer must roll back first (then everything else is empty)
 */
public record EventBatch(long fromBlock, long toBlock, List<GovernanceEvent> events, List<ChainBlock> blocks,
        List<ScheduledOperation> scheduledOperations, List<ProposalExecution> executions, Optional<Rollback> rollback) {

    public EventBatch {
        events = List.copyOf(events);
        blocks = List.copyOf(blocks);
        scheduledOperations = List.copyOf(scheduledOperations);
        executions = List.copyOf(executions);
    }

    /** The first block the next batch starts at. */
    public long nextBlock() {
        return toBlock + 1;
    }

    /** True when no block was read (at the confirmed head, or a rollback). */
    public boolean isEmpty() {
        return toBlock < fromBlock;
    }

    /** The events of one family or type, in chain order ({@code eventsOf(RegistryEvent.class)}). */
    public <T extends GovernanceEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The header of {@code toBlock}, the block a consumer is "as of" after applying this batch. */
    public Optional<ChainBlock> endBlock() {
        return blocks.isEmpty() || blocks.getLast().number() != toBlock ? Optional.empty() : Optional.of(blocks.getLast());
    }
}
