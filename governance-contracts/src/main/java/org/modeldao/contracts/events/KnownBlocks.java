package org.modeldao.contracts.events;

import java.util.List;

/**
 * The blocks a consumer holds data of, with the hashes it read them at (from
 * {@link EventBatch#blocks()}): what the stream compares with the node to detect a
 * reorganisation. The app answers from its block table, the gateway with {@link RecentBlocks}.
 */
@FunctionalInterface
public interface KnownBlocks {

    /** A consumer that holds nothing yet. */
    KnownBlocks NONE = limit -> List.of();

    /**
     * The newest blocks held, newest first, at most {@code limit} of them. The first is the last
     * block the consumer read (every batch's end block is in {@link EventBatch#blocks()}).
     */
    List<ChainBlock> newestFirst(int limit);
}
