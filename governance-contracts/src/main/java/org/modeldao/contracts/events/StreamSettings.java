package org.modeldao.contracts.events;

/**
 * How the stream reads the node.
 *
 * @param batchBlocks   blocks per {@code eth_getLogs} request at most (halved on the node's refusal)
 * @param confirmations blocks an event must be buried under before it is read (0 on a dev chain)
 * @param maxReorgDepth blocks below the newest held one searched for a common block after a
 *                      reorganisation; deeper means a rebuild from the deployment block
 */
public record StreamSettings(int batchBlocks, int confirmations, int maxReorgDepth) {

    public static final int DEFAULT_BATCH_BLOCKS = 2_000;
    public static final int DEFAULT_MAX_REORG_DEPTH = 1_000;

    public StreamSettings {
        if (batchBlocks < 1) {
            throw new IllegalArgumentException("batch blocks must be at least 1, was " + batchBlocks);
        }
        if (confirmations < 0) {
            throw new IllegalArgumentException("confirmations must not be negative, was " + confirmations);
        }
        if (maxReorgDepth < 1) {
            throw new IllegalArgumentException("max reorg depth must be at least 1, was " + maxReorgDepth);
        }
    }

    /** 2,000 blocks per request, no confirmations, 1,000 blocks of reorg depth. */
    public static StreamSettings defaults() {
        return new StreamSettings(DEFAULT_BATCH_BLOCKS, 0, DEFAULT_MAX_REORG_DEPTH);
    }

    public StreamSettings withConfirmations(int blocks) {
        return new StreamSettings(batchBlocks, blocks, maxReorgDepth);
    }

    public StreamSettings withBatchBlocks(int blocks) {
        return new StreamSettings(blocks, confirmations, maxReorgDepth);
    }

    public StreamSettings withMaxReorgDepth(int blocks) {
        return new StreamSettings(batchBlocks, confirmations, blocks);
    }
}
