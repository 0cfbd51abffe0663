package org.modeldao.contracts.events;

import java.util.List;

/**
 * {@link KnownBlocks} in memory: the blocks of the batches read, at most {@code capacity} of them
 * (the newest; {@link StreamSettings#maxReorgDepth()} is enough). Thread-safe.
 */
public final class RecentBlocks implements KnownBlocks {

    public RecentBlocks(int capacity) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Remembers the blocks the batch read (a batch carrying a rollback changes nothing). */
    public void record(EventBatch batch) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Forgets the blocks above the rollback's {@link Rollback#toBlock()}. */
    public void apply(Rollback rollback) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Forgets everything (for a rebuild from the deployment block). */
    public void clear() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<ChainBlock> newestFirst(int limit) {
        throw new UnsupportedOperationException("not yet");
    }
}
