package org.modeldao.app.indexer;

import java.time.Duration;
import org.modeldao.contracts.events.StreamSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the chain indexer reads the node (through the governance event stream) and how often.
 *
 * @param enabled       false keeps the read model as it is (for example on replicas that only serve views)
 * @param pollInterval  pause between two catch-ups once the indexer reached the head
 * @param batchBlocks   blocks per eth_getLogs request at most (and per database transaction)
 * @param confirmations blocks a log must be buried under before it is indexed (0 on a dev chain)
 * @param maxReorgDepth stored blocks searched for the common ancestor after a reorganisation
 */
@ConfigurationProperties("modeldao.indexer")
public record IndexerSettings(Boolean enabled, Duration pollInterval, Integer batchBlocks, Integer confirmations,
        Integer maxReorgDepth) {

    public IndexerSettings {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchBlocks = batchBlocks == null ? 2_000 : batchBlocks;
        confirmations = confirmations == null ? 0 : confirmations;
        maxReorgDepth = maxReorgDepth == null ? 1_000 : maxReorgDepth;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("modeldao.indexer.poll-interval must be positive, was " + pollInterval);
        }
        if (batchBlocks < 1) {
            throw new IllegalArgumentException("modeldao.indexer.batch-blocks must be at least 1, was " + batchBlocks);
        }
        if (confirmations < 0 || maxReorgDepth < 1) {
            throw new IllegalArgumentException("modeldao.indexer.confirmations must not be negative and max-reorg-depth must be positive");
        }
    }

    public static IndexerSettings defaults() {
        return new IndexerSettings(null, null, null, null, null);
    }

    /** What the event stream takes of these settings. */
    public StreamSettings stream() {
        return new StreamSettings(batchBlocks, confirmations, maxReorgDepth);
    }

    public IndexerSettings withConfirmations(int blocks) {
        return new IndexerSettings(enabled, pollInterval, batchBlocks, blocks, maxReorgDepth);
    }

    public IndexerSettings withBatchBlocks(int blocks) {
        return new IndexerSettings(enabled, pollInterval, blocks, confirmations, maxReorgDepth);
    }
}
