package org.modeldao.app.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.modeldao.contracts.DeploymentDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Brings the read model up to the node's head minus the configured confirmations, in bounded
 * block ranges, each committed atomically with the cursor; undoes reorganised blocks first.
 */
final class ChainIndexer {

    private static final Logger log = LoggerFactory.getLogger(ChainIndexer.class);

    private final ChainNode node;
    private final DeploymentDescriptor deployment;
    private final IndexerSettings settings;
    private final IndexerCursor cursor;
    private final LogApplier applier;
    private final BatchWriter writer;
    private final ReorgGuard reorgs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private boolean chainVerified;

    ChainIndexer(ChainNode node, DeploymentDescriptor deployment, IndexerSettings settings, IndexerStore store,
            ApplicationEventPublisher events) {
        this.node = node;
        this.deployment = deployment;
        this.settings = settings;
        this.cursor = store.cursor();
        this.applier = new LogApplier(deployment);
        this.writer = store.writer();
        this.reorgs = new ReorgGuard(node, deployment, settings, store, events);
        this.jdbc = store.jdbc();
        this.transactions = store.transactions();
        this.events = events;
    }

    /** One catch-up: returns the number of logs stored (0 when already at the confirmed head). */
    int catchUp() {
        return catchUp(() -> true);
    }

    /** As {@link #catchUp()}, stopping between batches once {@code keepGoing} turns false (shutdown). */
    int catchUp(java.util.function.BooleanSupplier keepGoing) {
        requireDeploymentChain();
        long next = transactions.execute(status -> cursor.nextBlock(deployment));
        next = reorgs.undoReorganisedBlocks(next);
        long target = node.latestBlock() - settings.confirmations();
        int stored = 0;
        while (next <= target && keepGoing.getAsBoolean()) {
            long to = Math.min(next + settings.batchBlocks() - 1, target);
            stored += index(next, to);
            next = to + 1;
        }
        return stored;
    }

    /** A descriptor for another chain would index nothing, or worse, someone else's contracts. */
    private void requireDeploymentChain() {
        if (!chainVerified) {
            long nodeChain = node.chainId();
            if (nodeChain != deployment.chainId()) {
                throw new IllegalStateException("the node serves chain " + nodeChain + " but the deployment descriptor names chain "
                        + deployment.chainId() + ": check modeldao.chain.rpc-url and modeldao.chain.deployment-file");
            }
            chainVerified = true;
        }
    }

    private int index(long from, long to) {
        long started = System.nanoTime();
        String endHashBefore = header(to).hash();
        List<Log> logs = node.logs(from, to);
        Set<Long> blocks = new TreeSet<>();
        logs.forEach(l -> blocks.add(l.getBlockNumber().longValueExact()));
        blocks.add(to);
        Map<Long, BlockHeader> headers = node.headers(blocks);
        requireConsistent(logs, headers, to, endHashBefore);

        long fetched = System.nanoTime();
        Set<String> alreadyStored = writer.storedLogs(from, to);
        List<Log> fresh = logs.stream().filter(l -> !alreadyStored.contains(l.getTransactionHash() + ":" + l.getLogIndex())).toList();
        BatchChanges changes = applier.apply(fresh, headers);
        headers.values().forEach(h -> changes.add(Statement.INSERT_BLOCK, h.number(), h.hash(), utc(h)));
        addQuorums(changes, to);
        long decoded = System.nanoTime();

        transactions.executeWithoutResult(status -> {
            cursor.moveTo(from, to + 1);
            writer.write(from, to, changes);
        });
        log.debug("Indexed blocks {}-{}: {} logs (node {} ms, decoding and quorums {} ms, database {} ms)", from, to,
                changes.eventCount(), (fetched - started) / 1_000_000, (decoded - fetched) / 1_000_000,
                (System.nanoTime() - decoded) / 1_000_000);
        changes.touchedProposals().forEach(id -> events.publishEvent(new ProposalChanged(id, to)));
        events.publishEvent(new ChainIndexed(from, to, changes.eventCount()));
        return changes.eventCount();
    }

    /**
     * The logs must come from the blocks whose hashes we store: the end block's hash is read
     * before and after the logs, and every log must carry its block's hash. Otherwise the chain
     * moved under us; the next poll finds the fork.
     */
    private static void requireConsistent(List<Log> logs, Map<Long, BlockHeader> headers, long to, String endHashBefore) {
        BlockHeader end = headers.get(to);
        if (end == null || !end.hash().equals(endHashBefore)) {
            throw new ChainMovedDuringBatch("block " + to + " changed while its logs were read");
        }
        for (Log l : logs) {
            BlockHeader block = headers.get(l.getBlockNumber().longValueExact());
            if (block == null || !block.hash().equals(l.getBlockHash())) {
                throw new ChainMovedDuringBatch("log " + l.getTransactionHash() + ":" + l.getLogIndex()
                        + " is from a block that is no longer canonical");
            }
        }
    }

    /** Quorum is fixed at the snapshot: read it once, as soon as the snapshot block is mined. */
    private void addQuorums(BatchChanges changes, long to) {
        Map<String, Long> snapshots = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT proposal_id, snapshot_block FROM proposal WHERE quorum IS NULL AND snapshot_block < ?")
                .param(to)
                .query((rs, n) -> snapshots.put(rs.getString(1), rs.getLong(2)))
                .list();
        for (Object[] created : changes.newProposals()) {
            long snapshot = (Long) created[4];
            if (snapshot < to) {
                snapshots.put((String) created[0], snapshot);
            }
        }
        Map<Long, BigInteger> quorums = node.quorums(snapshots.values());
        snapshots.forEach((proposalId, snapshot) -> {
            changes.add(Statement.PROPOSAL_QUORUM, new BigDecimal(quorums.get(snapshot)), proposalId);
            changes.touch(new BigInteger(proposalId));
        });
    }

    private BlockHeader header(long block) {
        BlockHeader header = node.headers(List.of(block)).get(block);
        if (header == null) {
            throw new ChainMovedDuringBatch("block " + block + " is no longer known to the node");
        }
        return header;
    }

    private static LocalDateTime utc(BlockHeader header) {
        return LocalDateTime.ofInstant(header.time(), ZoneOffset.UTC);
    }

    /** The node's chain changed while a batch was read; nothing was written, the next poll retries. */
    static class ChainMovedDuringBatch extends RuntimeException {
        ChainMovedDuringBatch(String message) {
            super(message);
        }
    }
}
