package org.modeldao.gateway.decisions;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-computes the audit chain from the first entry and reports the first broken link; then holds
 * the chain and its head against the signed checkpoints (entries they name must exist with their
 * hash, the head must not be behind the latest one, every signature must verify).
 */
public final class DecisionChainVerifier {

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
    private final CheckpointWitness witness;

    /** Internal consistency only: with no witness, a shortened chain with a moved head passes. */
    public DecisionChainVerifier(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    DecisionChainVerifier(JdbcTemplate jdbc, CheckpointWitness witness) {
        this.jdbc = jdbc;
        this.witness = witness;
    }

    public Result verify() {
        long headSeq = jdbc.queryForObject("SELECT seq FROM audit_head WHERE id = 1", Long.class);
        List<DecisionCheckpoint> checkpoints;
        try {
            checkpoints = witness == null ? List.of() : witness.checkpoints();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return new Result(0, 1, "checkpoint file unusable: " + e.getMessage());
        }
        if (witness != null) {
            var problem = witness.readable(checkpoints, headSeq);
            if (problem.isPresent()) {
                return new Result(0, problem.get().seq(), problem.get().text());
            }
        }
        Set<Long> checkpointed = new HashSet<>();
        checkpoints.forEach(c -> checkpointed.add(c.seq()));
        Map<Long, String> storedAtCheckpoints = new HashMap<>();
        AtomicLong count = new AtomicLong();
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(StoredEntry.GENESIS);
        AtomicReference<Result> broken = new AtomicReference<>();
        jdbc.query("SELECT seq, recorded_at_ms, kind, caller, model, model_version, outcome, detail, prev_hash,"
                + " entry_hash, ascii_only FROM audit_log ORDER BY seq", rs -> {
            if (broken.get() != null) {
                return;
            }
            String[] text = {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8)};
            DecisionEntry entry = new DecisionEntry(text[0], text[1], text[2], text[3], text[4], text[5]);
            StoredEntry stored = new StoredEntry(rs.getLong(1), rs.getLong(2), entry, rs.getString(9).trim(),
                    rs.getString(10).trim(), rs.getBoolean(11));
            count.incrementAndGet();
            if (stored.seq() != expectedSeq.get()) {
                broken.set(new Result(count.get(), expectedSeq.get(), "entry " + expectedSeq.get() + " is missing"));
            } else if (!stored.prevHash().equals(previous.get())) {
                broken.set(new Result(count.get(), stored.seq(), "does not link to the previous entry's hash"));
            } else if (!stored.hashMatches() || !inNormalForm(text, entry)) {
                broken.set(new Result(count.get(), stored.seq(), "content does not match its hash (edited)"));
            }
            if (checkpointed.contains(stored.seq())) {
                storedAtCheckpoints.put(stored.seq(), stored.hash());
            }
            previous.set(stored.hash());
            expectedSeq.incrementAndGet();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        // a chain cut short at its end still links; the head row remembers how long it was
        if (headSeq > expectedSeq.get() - 1) {
            return new Result(count.get(), expectedSeq.get(), "entries from " + expectedSeq.get() + " to " + headSeq
                    + " are missing (the head says " + headSeq + ")");
        }
        // ... unless whoever cut it also moved the head: the signed checkpoints remember too
        var contradicted = CheckpointWitness.against(checkpoints, storedAtCheckpoints, expectedSeq.get() - 1, headSeq);
        if (contradicted.isPresent()) {
            return new Result(count.get(), contradicted.get().seq(), contradicted.get().text());
        }
        return new Result(count.get(), 0, "");
    }

    /** The writer stores only normal text: anything else was put there by someone else. */
    private static boolean inNormalForm(String[] stored, DecisionEntry entry) {
        return stored[0].equals(entry.kind()) && stored[1].equals(entry.caller()) && stored[2].equals(entry.model())
                && stored[3].equals(entry.version()) && stored[4].equals(entry.outcome())
                && stored[5].equals(entry.detail());
    }
}
