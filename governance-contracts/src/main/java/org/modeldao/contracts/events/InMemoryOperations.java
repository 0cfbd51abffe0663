package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OperationLookup} held in memory, fed with each batch read. One entry per proposal
 * ever queued (about 200 bytes each): bounded by what the DAO can pass, not by traffic. Thread-safe.
 */
public final class InMemoryOperations implements OperationLookup {

    private record Entry(BigInteger proposalId, long block) {
    }

    private final Map<String, Entry> operations = new ConcurrentHashMap<>();

    /** Remembers the operations the batch scheduled. */
    public void record(EventBatch batch) {
        batch.scheduledOperations().forEach(s -> operations.put(s.operationId(), new Entry(s.proposalId(), s.position().blockNumber())));
    }

    /** Forgets operations scheduled above {@code block} (after a {@link Rollback}). */
    public void discardAbove(long block) {
        operations.values().removeIf(e -> e.block() > block);
    }

    /** Number of operations held. */
    public int size() {
        return operations.size();
    }

    @Override
    public Optional<BigInteger> proposalOf(String operationId) {
        return Optional.ofNullable(operations.get(operationId)).map(Entry::proposalId);
    }
}
