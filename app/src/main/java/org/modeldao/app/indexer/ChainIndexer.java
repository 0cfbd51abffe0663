package org.modeldao.app.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.modeldao.app.indexer.EventProjection.Attributions;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.events.ChainBlock;
import org.modeldao.contracts.events.ChainReadException;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.GovernanceEvent;
import org.modeldao.contracts.events.GovernanceEventStream;
import org.modeldao.contracts.events.Rollback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.Web3j;

/**
 * Brings the read model up to the confirmed head, one {@link EventBatch} of the shared governance
 * event stream at a time, each committed atomically with the cursor; rolls the read model back
 * when the stream says the stored blocks left the chain. Reading, decoding, range splitting on the
 * node's limits, the chain-id check, reorganisation detection and execution attribution are the
 * stream's; storing (and what to do when a row cannot be stored) is the indexer's.
 */
final class ChainIndexer {

    private static final Logger log = LoggerFactory.getLogger(ChainIndexer.class);

    private final GovernanceEventStream stream;
    private final GovernorQuorums quorums;
    private final DeploymentDescriptor deployment;
    private final IndexerCursor cursor;
    private final EventProjection projection;
    private final BatchWriter writer;
    private final ReadModelRollback readModel;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final IndexerMetrics metrics;
    private final BatchInStore inStore = new BatchInStore();

    ChainIndexer(Web3j node, DeploymentDescriptor deployment, IndexerSettings settings, IndexerStore store,
            ApplicationEventPublisher events, ActionDecoder actions) {
        this(node, deployment, settings, store, events, actions, IndexerMetrics.unregistered());
    }

    ChainIndexer(Web3j node, DeploymentDescriptor deployment, IndexerSettings settings, IndexerStore store,
            ApplicationEventPublisher events, ActionDecoder actions, IndexerMetrics metrics) {
        this.stream = new GovernanceEventStream(node, deployment, settings.stream(), inStore.over(store.operations()));
        this.quorums = new GovernorQuorums(node, deployment.governor());
        this.deployment = deployment;
        this.cursor = store.cursor();
        this.projection = new EventProjection(store.clock(), actions);
        this.writer = store.writer();
        this.readModel = store.rollback();
        this.jdbc = store.jdbc();
        this.transactions = store.transactions();
        this.events = events;
        this.metrics = metrics;
    }

    /** One catch-up: returns the number of events stored (0 when already at the confirmed head). */
    int catchUp() {
        return catchUp(() -> true);
    }

    /**
     * As {@link #catchUp()}, stopping between batches once {@code keepGoing} turns false (shutdown).
     * While a batch is stored, the next one is read ahead ({@link ReadAhead}, {@link BatchInStore});
     * it is used only if the stored batch was committed whole with nothing quarantined, else read again.
     */
    int catchUp(BooleanSupplier keepGoing) {
        stream.requireDeploymentChain();
        long next = transactions.execute(status -> cursor.nextBlock(deployment));
        int stored = 0;
        try (ReadAhead readAhead = new ReadAhead()) {
            EventBatch ahead = null;
            while (keepGoing.getAsBoolean()) {
                long started = System.nanoTime();
                long from = next;
                EventBatch batch = ahead != null ? ahead : read(() -> stream.readBatch(from, inStore.over(cursor)));
                ahead = null;
                if (batch.rollback().isPresent()) {
                    next = rollBack(next, batch.rollback().get());
                } else if (batch.isEmpty()) {
                    break;
                } else {
                    long readNanos = System.nanoTime() - started;
                    inStore.set(batch);
                    try {
                        readAhead.start(() -> stream.readBatch(batch.nextBlock(), inStore.over(cursor)));
                        Stored result = store(Range.whole(batch), readNanos);
                        stored += result.events();
                        if (result.asRead()) {
                            ahead = read(readAhead::take);
                        } else {
                            readAhead.discard();
                        }
                    } finally {
                        readAhead.discard();
                        inStore.clear();
                    }
                    next = batch.nextBlock();
                }
            }
        }
        metrics.stalledAt(-1);
        return stored;
    }

    /** A block the node gives out in no way is where indexing stays (skipping it would silently drop votes): said in the cursor row. */
    private EventBatch read(Supplier<EventBatch> reading) {
        try {
            return reading.get();
        } catch (ChainReadException.BlockUnreadable unreadable) {
            String reason = unreadable.getMessage();
            metrics.stalledAt(unreadable.block());
            transactions.executeWithoutResult(status -> cursor.stalledAt(unreadable.block(), reason));
            throw new Stalled("Indexing is stalled at block " + unreadable.block() + ": " + reason
                    + "; use a node without a log cap (or a higher one) for this block", unreadable);
        }
    }

    private long rollBack(long next, Rollback reorg) {
        long resume = Math.min(next, reorg.nextBlock());
        transactions.executeWithoutResult(status -> {
            readModel.discardAbove(reorg.toBlock());
            cursor.moveTo(next, resume);
        });
        log.warn("Chain reorganisation: {}; rolled the read model back to block {} and indexing again", reorg.describe(), reorg.toBlock());
        events.publishEvent(new ChainReorganized(reorg.toBlock(), reorg.lastHeldBlock()));
        return resume;
    }

    /**
     * Stores a range of a batch. A range whose rows cannot be stored (other than for an outage) is
     * halved, in memory, down to a single block; a single block is then stored event by event.
     * Node and database outages are not data: they end the poll and the loop retries (with backoff).
     */
    private Stored store(Range range, long readNanos) {
        try {
            return storeWhole(range, readNanos);
        } catch (RuntimeException failure) {
            if (notAboutTheData(failure)) {
                throw failure;
            }
            if (range.isSingleBlock()) {
                return new Stored(storeEventByEvent(range), false);
            }
            log.info("Blocks {}-{} could not be stored ({}); halving the range", range.from(), range.to(), describe(failure));
            metrics.split();
            return new Stored(store(range.firstHalf(), 0).events() + store(range.secondHalf(), 0).events(), false);
        }
    }

    /**
     * How a range was stored: {@code asRead} when in one transaction with nothing quarantined, so the
     * database now holds every block and scheduled operation the batch read (what a read ahead assumed).
     */
    private record Stored(int events, boolean asRead) {
    }

    private Stored storeWhole(Range range, long readNanos) {
        long started = System.nanoTime();
        BatchChanges changes = new BatchChanges();
        for (GovernanceEvent event : fresh(range)) {
            projection.apply(event, range.attributions(), changes);
        }
        addBlocks(changes, range);
        long projected = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            cursor.moveTo(range.from(), range.to() + 1);
            writer.write(range.from(), range.to(), changes);
        });
        log.debug("Indexed blocks {}-{}: {} events (waiting for the stream {} ms, projection and quorums {} ms, database {} ms)", range.from(),
                range.to(), changes.eventCount(), readNanos / 1_000_000, (projected - started) / 1_000_000,
                (System.nanoTime() - projected) / 1_000_000);
        committed(range, changes.touchedProposals(), changes.eventCount(), changes.quarantinedCount());
        return new Stored(changes.eventCount(), changes.quarantinedCount() == 0);
    }

    /**
     * The last resort for one block: each event projected and written alone behind a savepoint, in
     * the block's one transaction; an event that still fails is recorded in {@code quarantined_log}
     * with the reason (and never tried again), and the block is done.
     */
    private int storeEventByEvent(Range range) {
        List<GovernanceEvent> fresh = fresh(range);
        BatchChanges blockRows = new BatchChanges();
        addBlocks(blockRows, range);
        Set<BigInteger> touched = new LinkedHashSet<>(blockRows.touchedProposals());
        int[] counts = {0, 0};
        List<String> failed = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            cursor.moveTo(range.from(), range.to() + 1);
            writer.write(range.from(), range.to(), blockRows);
            for (GovernanceEvent event : fresh) {
                Object savepoint = status.createSavepoint();
                BatchChanges one = new BatchChanges();
                try {
                    projection.apply(event, range.attributions(), one);
                    writer.writeRows(one);
                    status.releaseSavepoint(savepoint);
                } catch (RuntimeException failure) {
                    if (notAboutTheData(failure)) {
                        throw failure;
                    }
                    status.rollbackToSavepoint(savepoint);
                    one = new BatchChanges();
                    one.quarantine(event.position(), event.eventName(), describe(failure), projection.now());
                    writer.writeRows(one);
                    failed.add(event.eventName() + " " + event.position().logKey() + " (" + describe(failure) + ")");
                }
                touched.addAll(one.touchedProposals());
                counts[0] += one.eventCount();
                counts[1] += one.quarantinedCount();
            }
        });
        failed.forEach(f -> log.warn("Block {}: quarantined log {}; the indexer moves on", range.to(), f));
        committed(range, touched, counts[0], counts[1]);
        return counts[0];
    }

    private void committed(Range range, Set<BigInteger> touched, int stored, int quarantined) {
        if (quarantined > 0) {
            log.warn("Blocks {}-{}: {} log(s) quarantined (see quarantined_log); the indexer moves on", range.from(), range.to(), quarantined);
        }
        for (int i = 0; i < quarantined; i++) {
            metrics.quarantined();
        }
        touched.forEach(id -> events.publishEvent(new ProposalChanged(id, range.to())));
        events.publishEvent(new ChainIndexed(range.from(), range.to(), stored));
    }

    /** Events of the range not stored (or quarantined) before: re-reading blocks stores nothing twice. */
    private List<GovernanceEvent> fresh(Range range) {
        Set<String> alreadyStored = writer.storedLogs(range.from(), range.to());
        return range.events().stream().filter(e -> !alreadyStored.contains(e.position().logKey())).toList();
    }

    /** The range's block hashes (what the stream checks for reorganisations) and the quorums now readable. */
    private void addBlocks(BatchChanges changes, Range range) {
        range.blocks().forEach(b -> changes.add(Statement.INSERT_BLOCK, b.number(), b.hash(), EventProjection.utc(b.time())));
        addQuorums(changes, range.to());
    }

    /** Quorum is fixed at the snapshot: read it once, as soon as the snapshot block is mined. */
    private void addQuorums(BatchChanges changes, long to) {
        Map<String, Long> snapshots = new LinkedHashMap<>();
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
        Map<Long, BigInteger> quorum = quorums.at(snapshots.values());
        snapshots.forEach((proposalId, snapshot) -> {
            changes.add(Statement.PROPOSAL_QUORUM, new BigDecimal(quorum.get(snapshot)), proposalId);
            changes.touch(new BigInteger(proposalId));
        });
    }

    /**
     * Failures of the node, the database (connection, schema, grants) or a concurrent indexer:
     * retried as a whole, never blamed on an event.
     */
    static boolean notAboutTheData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ChainReadException || t instanceof Stalled
                    || t instanceof IndexerCursor.ConcurrentIndexing
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    // a broken schema or missing grants would otherwise quarantine every event
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
     * Blocks {@code blocks[first..last]} of a batch, from the block after the previous held block
     * (or the batch's first block) to {@code blocks[last]}: every part ends on a block whose hash
     * is stored, so the stream's reorganisation check always covers what was stored.
     */
    private record Range(EventBatch batch, Attributions attributions, int first, int last) {

        static Range whole(EventBatch batch) {
            return new Range(batch, Attributions.of(batch), 0, batch.blocks().size() - 1);
        }

        long from() {
            return first == 0 ? batch.fromBlock() : batch.blocks().get(first - 1).number() + 1;
        }

        long to() {
            return batch.blocks().get(last).number();
        }

        List<ChainBlock> blocks() {
            return batch.blocks().subList(first, last + 1);
        }

        List<GovernanceEvent> events() {
            long from = from();
            long to = to();
            return first == 0 && last == batch.blocks().size() - 1 ? batch.events()
                    : batch.events().stream().filter(e -> e.position().blockNumber() >= from && e.position().blockNumber() <= to).toList();
        }

        boolean isSingleBlock() {
            return first == last;
        }

        Range firstHalf() {
            return new Range(batch, attributions, first, first + (last - first) / 2);
        }

        Range secondHalf() {
            return new Range(batch, attributions, first + (last - first) / 2 + 1, last);
        }
    }

    /** The stream cannot read a block at all; the indexer stays on it (see the README) and retries with backoff. */
    static class Stalled extends RuntimeException {
        Stalled(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
