package org.modeldao.gateway.decisions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.modeldao.gateway.decisions.ChainAppender.Head;
import org.modeldao.gateway.decisions.ChainAppender.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the hash-chained decision log table. Callers enqueue (a bounded queue); one
 * thread writes them in order, in batches, each batch in one transaction holding the chain head's
 * row lock.
 *
 * <p>No entry can stop the writer: entries are in normal form from construction on, and a batch
 * the database refuses is split in halves until the refused entry is alone; that entry is then
 * stored ASCII-only and flagged, and the writer moves on. If even that form is refused, the
 * database itself is failing (down, read-only, privileges gone): the writer keeps the entries and
 * retries with a backoff doubling up to {@link DecisionLogSettings#maxBackoff()}. While it cannot write,
 * the queue fills; a full queue makes a call wait at most {@link DecisionLogSettings#enqueueWait()},
 * then refuses it with {@link DecisionLogUnavailableException} (counted) — nothing is answered unrecorded,
 * no caller waits for ever, nothing is dropped silently.
 *
 * <p>An entry's {@code recorded_at_ms} is the time the writer took it from the queue: at most
 * one {@link DecisionLogSettings#linger()} plus one batch write after the call recorded it, and
 * never decreasing along the chain. Reading the clock on the request path instead cost more than
 * the rest of the hand-over.
 *
 * <p>The writer is a platform thread, not a virtual one: it wakes after every linger for as long as
 * the gateway runs, and a virtual thread's wake-up also wakes the JDK's delay scheduler and a
 * carrier thread — about 30 % more of the writer's CPU per entry at 8,000 entries a second
 * (docs/benchmarks.md, the decision writer's round of 2026-12-07).
 */
public final class DecisionLog implements DecisionRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    static final int CAPACITY = 10_000;
    private static final int BATCH = 1000;
    private static final long FIRST_BACKOFF_MILLIS = 50;

    private final ChainAppender appender;
    private final Clock clock;
    private final DecisionLogSettings settings;
    private final long enqueueWaitNanos;
    private final long lingerMillis;
    private final AppendListener afterAppend;

    /**
     * Lock-free hand-over: the writer polls rather than parks, so the producers need no
     * condition signalling, only a slot; the slots bound memory.
     */
    private final Queue<DecisionEntry> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore slots = new Semaphore(CAPACITY);
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong asciiOnlyEntries = new AtomicLong();
    private final AtomicLong refusedCalls = new AtomicLong();
    private volatile long lastSuccessAt;
    /** Last time the writer stored something or had nothing to store. */
    private volatile long lastProgressAt;
    private volatile String lastError = "";
    private final Thread writer;
    private volatile boolean running = true;

    /** Told of the head after each committed append, on the writer thread. */
    interface AppendListener {
        void appended(Head head);

        /** The writer has stored everything it will store. */
        default void closing() {}
    }

    public DecisionLog(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, DecisionLogSettings settings) {
        this(jdbc, tx, clock, settings, head -> {});
    }

    DecisionLog(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, DecisionLogSettings settings,
            AppendListener afterAppend) {
        this.appender = new ChainAppender(jdbc, tx);
        this.clock = clock;
        this.settings = settings;
        this.enqueueWaitNanos = settings.enqueueWait().toNanos();
        this.lingerMillis = settings.linger().toMillis();
        this.afterAppend = afterAppend;
        this.lastSuccessAt = clock.millis();
        this.lastProgressAt = lastSuccessAt;
        this.writer = Thread.ofPlatform().daemon().name("decision-writer").start(this::writeLoop);
    }

    /** @throws DecisionLogUnavailableException when the queue stayed full for the bounded wait */
    @Override
    public void record(DecisionEntry entry) {
        try {
            // a free slot is the common case: taken without the timed path's interrupt check and set-up
            if (!slots.tryAcquire() && !slots.tryAcquire(enqueueWaitNanos, TimeUnit.NANOSECONDS)) {
                refusedCalls.incrementAndGet();
                throw new DecisionLogUnavailableException("decision log unavailable: " + (enqueued.get() - written.get())
                        + " entries wait for the database");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refusedCalls.incrementAndGet();
            throw new DecisionLogUnavailableException("interrupted while waiting for the decision log");
        }
        queue.add(entry);
        enqueued.incrementAndGet();
    }

    /** Waits until everything recorded so far is in the database (tests, shutdown), at most 30 s. */
    public void flush() throws InterruptedException {
        long target = enqueued.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (written.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    public DecisionWriterStatus status() {
        long now = clock.millis();
        long backlog = enqueued.get() - written.get();
        boolean stalled = backlog > 0 && now - lastProgressAt > settings.stallAfter().toMillis();
        return new DecisionWriterStatus(backlog, writeFailures.get(), asciiOnlyEntries.get(), refusedCalls.get(),
                now - lastSuccessAt, stalled, lastError);
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        long backoff = 0;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            // the writer never parks on the queue: producers then never pay for waking it up
            long takenAt = clock.millis();
            int taken = 0;
            DecisionEntry next;
            while (batch.size() < BATCH && (next = queue.poll()) != null) {
                batch.add(new Pending(next, takenAt));
                taken++;
            }
            slots.release(taken); // entries kept for a retry were released when first taken
            int size = batch.size();
            try {
                if (batch.isEmpty()) {
                    lastProgressAt = takenAt;
                } else if (storeAll(batch)) {
                    backoff = 0;
                } else {
                    if (!running) {
                        log.error("decision writer stopping with {} entries the database refused", status().backlog());
                        return;
                    }
                    backoff = Math.min(backoff == 0 ? FIRST_BACKOFF_MILLIS : backoff * 2,
                            settings.maxBackoff().toMillis());
                    Thread.sleep(backoff);
                    continue;
                }
                if (size < BATCH) {
                    // linger: a writer going straight back to the queue would store a handful of
                    // entries per transaction, paying a transaction's fixed cost for each handful,
                    // and keep pulling the producers' queue and slot counters over to its core
                    Thread.sleep(lingerMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stores the batch in order; what was stored leaves the list.
     *
     * @return false when the database refused even an entry's ASCII-only form (the rest stays)
     */
    private boolean storeAll(List<Pending> batch) {
        int stored = store(batch, 0, batch.size());
        batch.subList(0, stored).clear();
        return batch.isEmpty();
    }

    /** @return the index up to which entries are stored */
    private int store(List<Pending> batch, int from, int to) {
        try {
            appended(appender.append(batch.subList(from, to), false), to - from);
            return to;
        } catch (RuntimeException e) {
            failed(e);
            if (notAboutTheEntries(e)) {
                return from; // splitting cannot help without a connection, the table or the privilege
            }
        }
        if (to - from > 1) {
            int mid = (from + to) >>> 1;
            int stored = store(batch, from, mid);
            return stored < mid ? stored : store(batch, mid, to);
        }
        try {
            Pending refused = batch.get(from);
            appended(appender.append(List.of(refused), true), 1);
            asciiOnlyEntries.incrementAndGet();
            log.warn("decision log entry refused by the database in its normal form, stored ASCII-only and flagged: {}",
                    refused.entry().asciiOnly());
            return to;
        } catch (RuntimeException e) {
            failed(e);
            return from;
        }
    }

    private void appended(Head head, int entries) {
        try {
            afterAppend.appended(head); // before the entries count as written: flush() then includes the checkpoint
        } catch (RuntimeException e) {
            // the entries are committed: a failing listener must not make the writer store them twice
            log.error("after-append step failed at decision log entry {}", head.seq(), e);
        }
        written.addAndGet(entries);
        lastSuccessAt = clock.millis();
        lastProgressAt = lastSuccessAt;
        lastError = "";
    }

    private void failed(RuntimeException e) {
        writeFailures.incrementAndGet();
        Throwable cause = e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e;
        String message = String.valueOf(cause.getMessage());
        lastError = message.length() > 300 ? message.substring(0, 300) : message;
        log.warn("decision log write refused: {}", lastError);
    }

    private static boolean notAboutTheEntries(RuntimeException e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof BadSqlGrammarException || e instanceof PermissionDeniedDataAccessException;
    }

    @Override
    public void close() throws InterruptedException {
        flush();
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(5));
        if (!writer.isAlive()) {
            try {
                afterAppend.closing();
            } catch (RuntimeException e) {
                log.error("closing step of the decision log failed", e);
            }
        }
    }
}
