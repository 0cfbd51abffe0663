package org.modeldao.app.support;

import java.time.Duration;
import org.modeldao.app.readmodel.ProposalReadModel;

/** Views and services read the indexer's read model: tests wait for it to reach a block before asserting. */
public final class IndexedHeads {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private IndexedHeads() {
    }

    /** Waits until the read model reflects {@code block}; {@code poll} is run before each check (nudge an indexer, or nothing). */
    public static void await(ProposalReadModel readModel, long block, Runnable poll) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            poll.run();
            long indexed = readModel.indexedHead().block();
            if (indexed >= block) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the read model reached block " + indexed + ", not " + block + ", within " + TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the indexer", e);
            }
        }
    }
}
