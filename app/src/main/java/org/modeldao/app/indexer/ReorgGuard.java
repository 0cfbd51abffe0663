package org.modeldao.app.indexer;

import java.util.List;
import java.util.Map;
import org.modeldao.contracts.DeploymentDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices that indexed blocks are no longer canonical (the stored hash of the last indexed block
 * differs from the node's, or the block is gone), finds the newest stored block that still is,
 * and undoes everything above it together with rewinding the cursor.
 */
final class ReorgGuard {

    private static final Logger log = LoggerFactory.getLogger(ReorgGuard.class);

    private final ChainNode node;
    private final DeploymentDescriptor deployment;
    private final IndexerSettings settings;
    private final IndexerCursor cursor;
    private final ReadModelRollback rollback;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    ReorgGuard(ChainNode node, DeploymentDescriptor deployment, IndexerSettings settings, IndexerStore store,
            ApplicationEventPublisher events) {
        this.node = node;
        this.deployment = deployment;
        this.settings = settings;
        this.cursor = store.cursor();
        this.rollback = store.rollback();
        this.transactions = store.transactions();
        this.events = events;
    }

    /** Returns the block to continue from: {@code next} when nothing changed, the block after the fork otherwise. */
    long undoReorganisedBlocks(long next) {
        long last = next - 1;
        var stored = cursor.storedHash(last);
        if (stored.isEmpty()) {
            return next;
        }
        BlockHeader canonical = node.headers(List.of(last)).get(last);
        if (canonical != null && canonical.hash().equals(stored.get())) {
            return next;
        }
        long fork = commonAncestor(last);
        transactions.executeWithoutResult(status -> {
            rollback.discardAbove(fork);
            cursor.moveTo(next, fork + 1);
        });
        log.warn("Chain reorganisation: blocks {}-{} are no longer canonical; rolled back to block {} and indexing again",
                fork + 1, last, fork);
        events.publishEvent(new ChainReorganized(fork, last));
        return fork + 1;
    }

    private long commonAncestor(long below) {
        List<BlockHeader> candidates = cursor.storedBlocksDownFrom(below, settings.maxReorgDepth());
        Map<Long, BlockHeader> canonical = node.headers(candidates.stream().map(BlockHeader::number).toList());
        for (BlockHeader candidate : candidates) {
            BlockHeader now = canonical.get(candidate.number());
            if (now != null && now.hash().equals(candidate.hash())) {
                return candidate.number();
            }
        }
        return deployment.deploymentBlock() - 1;
    }
}
