package org.modeldao.gateway.decisions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the chain in one transaction, as the one writer of its gateway (not thread-safe).
 *
 * <p>The head it wrote last is kept: the next batch links to it without reading the head row first,
 * and moves the head only if the row still holds it ({@code UPDATE … WHERE seq = ? AND entry_hash = ?}).
 * Another replica sharing the database that appended meanwhile took the next sequence numbers, so the
 * insert fails on the primary key (or, should it not, the head update finds no row): the transaction
 * rolls back and the batch is written once more the locking way — the head read under its row lock,
 * as every batch was before — which is also how the first batch after a start finds the head.
 */
final class ChainAppender {

    /** An entry taken by the writer, stamped when taken. */
    record Pending(DecisionEntry entry, long recordedAtMillis) {}

    /** The chain's head after an append. */
    record Head(long seq, String hash) {}

    private static final String INSERT = "INSERT INTO decision_log (seq, recorded_at_ms, kind, caller, model,"
            + " model_version, outcome, detail, prev_hash, entry_hash, ascii_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_HEAD = "UPDATE decision_head SET seq = ?, entry_hash = ? WHERE id = 1 AND seq = ?"
            + " AND entry_hash = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EntryHasher hasher = new EntryHasher();
    /** The head this appender committed last; null when not known (start, or after any failure). */
    private Head written;

    ChainAppender(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** @param asciiOnly store each entry's ASCII-only form, flagged */
    Head append(List<Pending> entries, boolean asciiOnly) {
        Head known = written;
        written = null; // whatever fails below leaves the head unknown: the next append reads it under its lock
        if (known != null) {
            try {
                written = tx.execute(status -> linked(entries, asciiOnly, known));
                return written;
            } catch (DataIntegrityViolationException moved) {
                // another replica took these sequence numbers, or an entry is refused: the locking way
                // below decides, and what it throws is what the writer handles
            }
        }
        written = tx.execute(status -> {
            var row = jdbc.queryForMap("SELECT seq, entry_hash FROM decision_head WHERE id = 1 FOR UPDATE");
            return linked(entries, asciiOnly,
                    new Head(((Number) row.get("seq")).longValue(), ((String) row.get("entry_hash")).trim()));
        });
        return written;
    }

    /**
     * Inserts the entries linked onto {@code from} and moves the head row from it to their last.
     *
     * @throws HeadMoved when the head row no longer held {@code from} (the transaction rolls back)
     */
    private Head linked(List<Pending> entries, boolean asciiOnly, Head from) {
        long seq = from.seq();
        String prev = from.hash();
        List<Row> rows = new ArrayList<>(entries.size());
        for (Pending p : entries) {
            seq++;
            DecisionEntry e = asciiOnly ? p.entry().asciiOnly() : p.entry();
            String hash = hasher.hash(seq, p.recordedAtMillis(), e, prev, asciiOnly);
            rows.add(new Row(seq, p.recordedAtMillis(), e, prev, hash));
            prev = hash;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                rows.get(i).bind(ps, asciiOnly);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        if (jdbc.update(MOVE_HEAD, seq, prev, from.seq(), from.hash()) == 0) {
            throw new HeadMoved();
        }
        return new Head(seq, prev);
    }

    /** One entry as inserted. */
    private record Row(long seq, long recordedAtMillis, DecisionEntry entry, String prevHash, String hash) {

        /**
         * Typed setters, not {@code setObject}: Spring's per-value type lookup and the driver's
         * conversion of an {@code Object} were a visible part of the writer's time at 32 connections.
         */
        void bind(PreparedStatement ps, boolean asciiOnly) throws SQLException {
            ps.setLong(1, seq);
            ps.setLong(2, recordedAtMillis);
            ps.setString(3, entry.kind());
            ps.setString(4, entry.caller());
            ps.setString(5, entry.model());
            ps.setString(6, entry.version());
            ps.setString(7, entry.outcome());
            ps.setString(8, entry.detail());
            ps.setString(9, prevHash);
            ps.setString(10, hash);
            ps.setBoolean(11, asciiOnly);
        }
    }

    /** The head row no longer holds the head this appender linked to. */
    private static final class HeadMoved extends DataIntegrityViolationException {
        HeadMoved() {
            super("the decision log head moved: another writer appended");
        }
    }
}
