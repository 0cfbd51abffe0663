package org.modeldao.contracts.events;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@link KnownBlocks} in memory: the blocks of the batches read, at most {@code capacity} of them
 * (the newest; {@link StreamSettings#maxReorgDepth()} is enough). Thread-safe.
 */
public final class RecentBlocks implements KnownBlocks {

    private final int capacity;
    private final NavigableMap<Long, ChainBlock> blocks = new TreeMap<>();

    public RecentBlocks(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Remembers the blocks the batch read (a batch carrying a rollback changes nothing). */
    public synchronized void record(EventBatch batch) {
        batch.blocks().forEach(b -> blocks.put(b.number(), b));
        while (blocks.size() > capacity) {
            blocks.pollFirstEntry();
        }
    }

    /** Forgets the blocks above the rollback's {@link Rollback#toBlock()}. */
    public synchronized void apply(Rollback rollback) {
        blocks.tailMap(rollback.toBlock(), false).clear();
    }

    /** Forgets everything (for a rebuild from the deployment block). */
    public synchronized void clear() {
        blocks.clear();
    }

    @Override
    public synchronized List<ChainBlock> newestFirst(int limit) {
        List<ChainBlock> newest = new ArrayList<>(Math.min(limit, blocks.size()));
        for (ChainBlock block : blocks.descendingMap().values()) {
            if (newest.size() == limit) {
                break;
            }
            newest.add(block);
        }
        return newest;
    }
}
