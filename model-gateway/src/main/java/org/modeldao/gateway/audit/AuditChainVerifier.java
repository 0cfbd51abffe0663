package org.modeldao.gateway.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/** Re-computes the audit chain from the first entry and reports the first broken link. */
public final class AuditChainVerifier {

    /**
     * @param firstBrokenSeq 0 when the chain is intact
     * @param problem what is wrong at that entry, or "" when intact
     */
    public record Result(long entries, long firstBrokenSeq, String problem) {
        public boolean intact() {
            return firstBrokenSeq == 0;
        }
    }

    private final JdbcTemplate jdbc;

    public AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Result verify() {
        AtomicLong count = new AtomicLong();
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(StoredEntry.GENESIS);
        AtomicReference<Result> broken = new AtomicReference<>();
        jdbc.query("SELECT seq, recorded_at_ms, kind, caller, model, model_version, outcome, detail, prev_hash,"
                + " entry_hash FROM audit_log ORDER BY seq", rs -> {
            if (broken.get() != null) {
                return;
            }
            StoredEntry stored = new StoredEntry(rs.getLong(1), rs.getLong(2), new AuditEntry(rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                    rs.getString(9).trim(), rs.getString(10).trim());
            count.incrementAndGet();
            if (stored.seq() != expectedSeq.get()) {
                broken.set(new Result(count.get(), expectedSeq.get(), "entry " + expectedSeq.get() + " is missing"));
            } else if (!stored.prevHash().equals(previous.get())) {
                broken.set(new Result(count.get(), stored.seq(), "does not link to the previous entry's hash"));
            } else if (!stored.hashMatches()) {
                broken.set(new Result(count.get(), stored.seq(), "content does not match its hash (edited)"));
            }
            previous.set(stored.hash());
            expectedSeq.incrementAndGet();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        // a chain cut short at its end still links; the head row remembers how long it was
        Long headSeq = jdbc.queryForObject("SELECT seq FROM audit_head WHERE id = 1", Long.class);
        if (headSeq != null && headSeq > expectedSeq.get() - 1) {
            return new Result(count.get(), expectedSeq.get(), "entries from " + expectedSeq.get() + " to " + headSeq
                    + " are missing (the head says " + headSeq + ")");
        }
        return new Result(count.get(), 0, "");
    }
}
