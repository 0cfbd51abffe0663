package org.modeldao.app.indexer;

/**
 * Published after the indexer found that blocks it had indexed are no longer canonical and
 * removed what they had contributed; the blocks above {@code commonAncestorBlock} are indexed again.
 */
public record ChainReorganized(long commonAncestorBlock, long discardedUpToBlock) {
}
