package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An {@link OperationLookup} held in memory, fed with each batch read. One entry per proposal
 * ever queued (about 200 bytes each): bounded by what the DAO can pass, not by traffic. Thread-safe.
 */
public final class InMemoryOperations implements OperationLookup {

    /** Remembers the operations the batch scheduled. */
    public void record(EventBatch batch) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Forgets operations scheduled above {@code block} (after a {@link Rollback}). */
    public void discardAbove(long block) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Number of operations held. */
    public int size() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<BigInteger> proposalOf(String operationId) {
        throw new UnsupportedOperationException("not yet");
    }
}
