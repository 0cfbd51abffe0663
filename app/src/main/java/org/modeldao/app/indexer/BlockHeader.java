package org.modeldao.app.indexer;

import java.time.Instant;

/** What the indexer keeps of a block: enough to notice a reorganisation and to date events. */
record BlockHeader(long number, String hash, Instant time) {
}
