package org.modeldao.gateway.decisions;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends entries to the chain in one transaction holding the head's row lock. */
final class ChainAppender {

    /** An entry taken by the writer, stamped when taken. */
    record Pending(DecisionEntry entry, long recordedAtMillis) {}

    /** The chain's head after an append. */
    record Head(long seq, String hash) {}

    private static final String INSERT = "INSERT INTO audit_log (seq, recorded_at_ms, kind, caller, model,"
            + " model_version, outcome, detail, prev_hash, entry_hash, ascii_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ChainAppender(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** @param asciiOnly store each entry's ASCII-only form, flagged */
    Head append(List<Pending> entries, boolean asciiOnly) {
        return tx.execute(status -> {
            var head = jdbc.queryForMap("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("seq")).longValue();
            String prev = ((String) head.get("entry_hash")).trim();
            List<Object[]> rows = new ArrayList<>(entries.size());
            for (Pending p : entries) {
                seq++;
                DecisionEntry e = asciiOnly ? p.entry().asciiOnly() : p.entry();
                String hash = StoredEntry.hashOf(seq, p.recordedAtMillis(), e, prev, asciiOnly);
                rows.add(new Object[] {seq, p.recordedAtMillis(), e.kind(), e.caller(), e.model(), e.version(),
                        e.outcome(), e.detail(), prev, hash, asciiOnly});
                prev = hash;
            }
            jdbc.batchUpdate(INSERT, rows);
            jdbc.update("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1", seq, prev);
            return new Head(seq, prev);
        });
    }
}
