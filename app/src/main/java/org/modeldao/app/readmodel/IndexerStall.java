package org.modeldao.app.readmodel;

import java.time.Instant;

/** The block the indexer cannot read at all (the node refuses its logs and its receipts), since when and why. */
public record IndexerStall(long block, String reason, Instant since) {
}
