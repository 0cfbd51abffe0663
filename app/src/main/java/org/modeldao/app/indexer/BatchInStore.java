package org.modeldao.app.indexer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.events.ChainBlock;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.KnownBlocks;
import org.modeldao.contracts.events.OperationLookup;
import org.modeldao.contracts.events.ScheduledOperation;

/**
 * The batch being stored while the next one is read ahead. The read ahead must see the chain as
 * it will stand once that batch is committed, exactly as a read after the commit would: its
 * reorganisation check compares the batch's end block with the node (not the block before it),
 * and a direct timelock execution finds the operations the batch scheduled. The indexer uses a
 * batch read ahead only when the one in store was committed whole, with nothing quarantined — then
 * the database holds exactly what this view showed.
 */
final class BatchInStore {

    private volatile EventBatch batch;

    void set(EventBatch storing) {
        batch = storing;
    }

    void clear() {
        batch = null;
    }

    /** The stored blocks as they will be once the batch is committed (its blocks replace the stored ones of its range). */
    KnownBlocks over(KnownBlocks stored) {
        return limit -> {
            EventBatch storing = batch;
            if (storing == null) {
                return stored.newestFirst(limit);
            }
            List<ChainBlock> merged = new ArrayList<>(storing.blocks());
            int asked = limit;
            while (true) {
                List<ChainBlock> rows = stored.newestFirst(asked);
                List<ChainBlock> kept = rows.stream()
                        .filter(b -> b.number() < storing.fromBlock() || b.number() > storing.toBlock()).toList();
                if (kept.size() >= limit || rows.size() < asked) {
                    merged.addAll(kept);
                    break;
                }
                asked += rows.size() - kept.size(); // rows of the batch's range are replaced: ask for as many more
            }
            merged.sort(Comparator.comparingLong(ChainBlock::number).reversed());
            return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
        };
    }

    /** The operations the batch scheduled, then the stored ones. */
    OperationLookup over(OperationLookup stored) {
        return operationId -> {
            EventBatch storing = batch;
            if (storing != null) {
                for (ScheduledOperation operation : storing.scheduledOperations()) {
                    if (operation.operationId().equals(operationId)) {
                        return Optional.of(operation.proposalId());
                    }
                }
            }
            return stored.proposalOf(operationId);
        };
    }
}
