package org.modeldao.gateway.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the hash-chained audit table. Callers enqueue (a bounded queue, so a slow
 * database slows requests down rather than losing entries); one virtual thread writes them in
 * order, in batches, each batch in one transaction holding the chain head's row lock.
 *
 * <p>An entry's {@code recorded_at_ms} is the time the writer took it from the queue: at most
 * one linger ({@value #LINGER_MILLIS} ms) plus one batch write after the call recorded it, and
 * never decreasing along the chain. Reading the clock on the request path instead cost more than
 * the rest of the hand-over.
 */
public final class AuditLog implements AuditTrail, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private record Pending(AuditEntry entry, long recordedAtMillis) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private static final int CAPACITY = 10_000;
    private static final int BATCH = 1000;
    private static final long LINGER_MILLIS = 5;

    /**
     * Lock-free hand-over: the writer polls rather than parks, so the producers need no
     * condition signalling, only a slot; the slots bound memory, and when the database falls
     * behind they make requests wait instead of losing entries.
     */
    private final Queue<AuditEntry> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore slots = new Semaphore(CAPACITY);
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    public AuditLog(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.writer = Thread.ofVirtual().name("audit-writer").start(this::writeLoop);
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            slots.acquire();
            queue.add(entry);
            enqueued.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("audit entry lost to interruption: {}", entry);
        }
    }

    /** Waits until everything recorded so far is in the database (tests, shutdown). */
    public void flush() throws InterruptedException {
        long target = enqueued.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (written.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                // the writer never parks on the queue: producers then never pay for waking it up
                int taken = 0;
                long takenAt = clock.millis();
                AuditEntry next;
                while (batch.size() < BATCH && (next = queue.poll()) != null) {
                    batch.add(new Pending(next, takenAt));
                    taken++;
                }
                slots.release(taken); // a batch kept for a retry was released when first taken
                if (!batch.isEmpty()) {
                    writeBatch(batch);
                    written.addAndGet(batch.size());
                }
                if (batch.size() < BATCH) {
                    // linger: a writer going straight back to the queue would store a handful of
                    // entries per transaction and keep pulling the producers' queue and slot
                    // counters over to its core; resting lets the next batch fill up instead
                    Thread.sleep(LINGER_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("audit batch of {} entries could not be written; retrying", batch.size(), e);
                sleepQuietly();
                continue;
            }
            batch.clear();
        }
    }

    private void writeBatch(List<Pending> batch) {
        tx.executeWithoutResult(status -> {
            var head = jdbc.queryForMap("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("seq")).longValue();
            String prev = ((String) head.get("entry_hash")).trim();
            List<Object[]> rows = new ArrayList<>();
            for (Pending p : batch) {
                seq++;
                String hash = StoredEntry.hashOf(seq, p.recordedAtMillis(), p.entry(), prev);
                AuditEntry e = p.entry();
                rows.add(new Object[] {seq, p.recordedAtMillis(), e.kind(), e.caller(), e.model(), e.version(),
                        e.outcome(), e.detail(), prev, hash});
                prev = hash;
            }
            jdbc.batchUpdate("INSERT INTO audit_log (seq, recorded_at_ms, kind, caller, model, model_version, outcome,"
                    + " detail, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.update("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1", seq, prev);
        });
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        flush();
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(5));
    }
}
