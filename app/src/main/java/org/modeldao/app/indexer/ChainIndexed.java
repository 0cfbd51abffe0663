package org.modeldao.app.indexer;

/**
 * Published after a batch of blocks was committed to the read model (views refresh on it).
 *
 * @param fromBlock  first block of the batch
 * @param toBlock    last block of the batch, now the indexed head
 * @param eventCount logs stored by the batch
 */
public record ChainIndexed(long fromBlock, long toBlock, int eventCount) {
}
