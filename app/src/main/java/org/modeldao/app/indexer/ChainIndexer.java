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
    private final IndexerMetrics metrics;
    private final java.time.Clock clock;
    private boolean chainVerified;

    ChainIndexer(ChainNode node, DeploymentDescriptor deployment, IndexerSettings settings, IndexerStore store,
            ApplicationEventPublisher events) {
        this(node, deployment, settings, store, events, IndexerMetrics.unregistered());
    }

    ChainIndexer(ChainNode node, DeploymentDescriptor deployment, IndexerSettings settings, IndexerStore store,
            ApplicationEventPublisher events, IndexerMetrics metrics) {
        this.metrics = metrics;
        this.clock = store.clock();
        this.node = node;
        this.deployment = deployment;
        this.settings = settings;
        this.cursor = store.cursor();
        this.applier = new LogApplier(deployment, operation -> store.jdbc()
                .sql("SELECT proposal_id FROM timelock_operation WHERE operation_id = ?").param(operation)
                .query(String.class).optional().map(BigInteger::new).orElse(null));
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
            stored += indexRange(next, to);
            next = to + 1;
        }
        metrics.stalledAt(-1);
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

    /**
     * Reads and stores [from, to]. A range the node refuses as too big, or whose rows cannot be
     * stored, is halved, down to a single block; a single block the node refuses is read from its
     * receipts; a single block whose rows cannot be stored is stored log by log, quarantining the
     * logs that still fail. Node outages and database outages are not data: they end the poll and
     * the loop retries (with backoff).
     */
    private int indexRange(long from, long to) {
        try {
            return index(from, to, fetch(from, to));
        } catch (ChainNode.LogsRefused refused) {
            if (from == to) {
                return indexRefusedBlock(from, refused);
            }
            log.info("The node refused the logs of blocks {}-{} ({}); halving the range", from, to, refused.getMessage());
            return halves(from, to);
        } catch (RuntimeException failure) {
            if (notAboutTheData(failure)) {
                throw failure;
            }
            if (from == to) {
                return indexLogByLog(from, fetch(from, to));
            }
            log.info("Blocks {}-{} could not be stored ({}); halving the range", from, to, describe(failure));
            return halves(from, to);
        }
    }

    private int halves(long from, long to) {
        metrics.split();
        long middle = from + (to - from) / 2;
        return indexRange(from, middle) + indexRange(middle + 1, to);
    }

    /** One block whose logs the node will not return: its receipts have them. If those fail too, the indexer stays here. */
    private int indexRefusedBlock(long block, ChainNode.LogsRefused refused) {
        Fetched logs;
        try {
            String endHashBefore = header(block).hash();
            logs = new Fetched(node.logsFromReceipts(block), endHashBefore);
        } catch (RuntimeException receiptsFailed) {
            String reason = "the node refuses the logs of block " + block + " (" + refused.getMessage() + ") and its receipts ("
                    + receiptsFailed.getMessage() + ")";
            metrics.stalledAt(block);
            transactions.executeWithoutResult(status -> cursor.stalledAt(block, reason));
            throw new BlockUnreadable("Indexing is stalled at block " + block + ": " + reason
                    + "; use a node without a log cap (or a higher one) for this block");
        }
        metrics.blockFromReceipts();
        log.warn("The node refused the logs of block {} ({}); read {} DAO logs from its receipts instead", block, refused.getMessage(),
                logs.logs().size());
        try {
            return index(block, block, logs);
        } catch (RuntimeException failure) {
            if (notAboutTheData(failure)) {
                throw failure;
            }
            return indexLogByLog(block, logs);
        }
    }

    /** The end block's hash is read before the logs, so {@link #requireConsistent} can tell if the chain moved meanwhile. */
    private Fetched fetch(long from, long to) {
        String endHashBefore = header(to).hash();
        return new Fetched(node.logs(from, to), endHashBefore);
    }

    private record Fetched(List<Log> logs, String endHashBefore) {
    }

    private int index(long from, long to, Fetched fetchedLogs) {
        long started = System.nanoTime();
        List<Log> logs = fetchedLogs.logs();
        Set<Long> blocks = new TreeSet<>();
        logs.forEach(l -> blocks.add(l.getBlockNumber().longValueExact()));
        blocks.add(to);
        Map<Long, BlockHeader> headers = node.headers(blocks);
        requireConsistent(logs, headers, to, fetchedLogs.endHashBefore());

        long fetched = System.nanoTime();
        List<Log> fresh = fresh(logs, from, to);
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
        publish(from, to, changes.touchedProposals(), changes.eventCount());
        return changes.eventCount();
    }

    /**
     * The last resort for one block: each log decoded and written alone behind a savepoint, in the
     * block's one transaction; a log that still fails is recorded in {@code quarantined_log} with
     * the reason (and never tried again), and the block is done.
     */
    private int indexLogByLog(long block, Fetched fetched) {
        List<Log> logs = fetched.logs();
        Map<Long, BlockHeader> headers = node.headers(new TreeSet<>(List.of(block)));
        requireConsistent(logs, headers, block, fetched.endHashBefore());
        List<Log> fresh = fresh(logs, block, block);
        BatchChanges blockRows = new BatchChanges();
        headers.values().forEach(h -> blockRows.add(Statement.INSERT_BLOCK, h.number(), h.hash(), utc(h)));
        addQuorums(blockRows, block);
        BatchChanges linkRows = new BatchChanges();
        Map<String, BigInteger> executions;
        try {
            executions = applier.executions(fresh, linkRows);
        } catch (RuntimeException undecodable) {
            log.warn("Block {}: executions could not be linked to proposals ({})", block, describe(undecodable));
            executions = Map.of();
            linkRows = new BatchChanges();
        }
        Map<String, BigInteger> executed = executions;
        BatchChanges links = linkRows;
        Set<BigInteger> touched = new java.util.LinkedHashSet<>(links.touchedProposals());
        int[] stored = {0};
        List<String> quarantined = new java.util.ArrayList<>();
        transactions.executeWithoutResult(status -> {
            cursor.moveTo(block, block + 1);
            writer.write(block, block, blockRows);
            writer.writeRows(links);
            for (Log l : fresh) {
                Object savepoint = status.createSavepoint();
                try {
                    BatchChanges one = applier.applyOne(l, headers, executed);
                    writer.writeRows(one);
                    status.releaseSavepoint(savepoint);
                    touched.addAll(one.touchedProposals());
                    stored[0] += one.eventCount();
                } catch (RuntimeException failure) {
                    if (notAboutTheData(failure)) {
                        throw failure;
                    }
                    status.rollbackToSavepoint(savepoint);
                    String[] what = applier.describe(l);
                    writer.quarantine(l.getTransactionHash(), l.getLogIndex().intValueExact(), block, what[0], what[1], describe(failure),
                            LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    quarantined.add(what[1] + " " + l.getTransactionHash() + ":" + l.getLogIndex() + " (" + describe(failure) + ")");
                }
            }
        });
        quarantined.forEach(q -> {
            metrics.quarantined();
            log.warn("Block {}: quarantined log {}; the indexer moves on", block, q);
        });
        publish(block, block, touched, stored[0]);
        return stored[0];
    }

    private List<Log> fresh(List<Log> logs, long from, long to) {
        Set<String> alreadyStored = writer.storedLogs(from, to);
        return logs.stream().filter(l -> !alreadyStored.contains(l.getTransactionHash() + ":" + l.getLogIndex())).toList();
    }

    private void publish(long from, long to, Set<BigInteger> touched, int eventCount) {
        touched.forEach(id -> events.publishEvent(new ProposalChanged(id, to)));
        events.publishEvent(new ChainIndexed(from, to, eventCount));
    }

    /**
     * Failures of the node, the database (connection, schema, grants) or a concurrent indexer:
     * retried as a whole, never blamed on a log.
     */
    static boolean notAboutTheData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ChainNode.ChainUnreachable || t instanceof ChainMovedDuringBatch || t instanceof BlockUnreadable
                    || t instanceof IndexerCursor.ConcurrentIndexing
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    // a broken schema or missing grants would otherwise quarantine every log
                    || t instanceof org.springframework.dao.InvalidDataAccessResourceUsageException
                    || t instanceof org.springframework.dao.PermissionDeniedDataAccessException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof VirtualMachineError) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ChainText.of(root.getClass().getSimpleName() + ": " + root.getMessage(), 900);
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

    /** A single block the node will not give the logs of, in any way the indexer knows; it stays on it (see the README). */
    static class BlockUnreadable extends RuntimeException {
        BlockUnreadable(String message) {
            super(message);
        }
    }

    /** The node's chain changed while a batch was read; nothing was written, the next poll retries. */
    static class ChainMovedDuringBatch extends RuntimeException {
        ChainMovedDuringBatch(String message) {
            super(message);
        }
    }
}
