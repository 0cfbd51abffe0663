package org.modeldao.app.readmodel;

import java.time.Instant;

/**
 * How far the read model reaches: views show "as of block N".
 *
 * @param block     last block indexed (-1 before the first batch)
 * @param updatedAt when the indexer last moved, or null if it never ran
 */
public record IndexedHead(long block, Instant updatedAt) {

    static final IndexedHead NOTHING = new IndexedHead(-1, null);
}
