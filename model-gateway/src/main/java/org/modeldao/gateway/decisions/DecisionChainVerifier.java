package org.modeldao.gateway.decisions;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modeldao.gateway.decisions.SegmentRegister.Segment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-computes the decision log's chain from the first entry and reports the first broken link —
 * through the archived segment files (each as registered: present, unaltered, ending at its
 * registered hash) into the table's rows after them; then holds the chain and its head against the
 * signed checkpoints (entries they name must exist with their hash, the head must not be behind the
 * latest one, every signature must verify). Reads in pages: memory does not grow with the log.
 */
public final class DecisionChainVerifier {

    private static final int PAGE = 10_000;

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
    private final Path archiveDir;

    /** Internal consistency only: with no witness, a shortened chain with a moved head passes. */
    public DecisionChainVerifier(JdbcTemplate jdbc, Path archiveDir) {
        this(jdbc, null, archiveDir);
    }

    DecisionChainVerifier(JdbcTemplate jdbc, CheckpointWitness witness, Path archiveDir) {
        this.jdbc = jdbc;
        this.witness = witness;
        this.archiveDir = archiveDir;
    }

    public Result verify() {
        long headSeq = jdbc.queryForObject("SELECT seq FROM decision_head WHERE id = 1", Long.class);
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
        Chain chain = new Chain(checkpoints);
        long archivedUpTo = readArchive(chain);
        if (chain.broken != null) {
            return chain.broken;
        }
        for (long after = archivedUpTo; chain.broken == null;) {
            long pageStart = chain.count;
            jdbc.query("SELECT " + ChainRow.COLUMNS + " FROM decision_log WHERE seq > ? ORDER BY seq LIMIT " + PAGE,
                    rs -> {
                        chain.accept(ChainRow.of(rs));
                    }, after);
            if (chain.count - pageStart < PAGE) {
                break;
            }
            after = chain.expectedSeq - 1;
        }
        if (chain.broken != null) {
            return chain.broken;
        }
        long lastSeq = chain.expectedSeq - 1;
        // a chain cut short at its end still links; the head row remembers how long it was
        if (headSeq > lastSeq) {
            return new Result(chain.count, chain.expectedSeq, "entries from " + chain.expectedSeq + " to " + headSeq
                    + " are missing (the head says " + headSeq + ")");
        }
        // ... unless whoever cut it also moved the head: the signed checkpoints remember too
        var contradicted = CheckpointWitness.against(checkpoints, chain.storedAtCheckpoints, lastSeq, headSeq);
        if (contradicted.isPresent()) {
            return new Result(chain.count, contradicted.get().seq(), contradicted.get().text());
        }
        return new Result(chain.count, 0, "");
    }

    /** @return the last archived entry (0 if none); rows up to it still in the table await deletion and are not read */
    private long readArchive(Chain chain) {
        long archivedUpTo = 0;
        for (Segment segment : new SegmentRegister(jdbc, archiveDir).all()) {
            if (segment.firstSeq() != archivedUpTo + 1) {
                chain.broke(archivedUpTo + 1, "the archived segments do not continue at entry " + (archivedUpTo + 1));
                return archivedUpTo;
            }
            if (archiveDir == null || !Files.exists(archiveDir.resolve(segment.fileName()))) {
                chain.broke(segment.firstSeq(), "the archived segment file " + segment.fileName() + " is missing from "
                        + archiveDir);
                return archivedUpTo;
            }
            String sha;
            try {
                sha = SegmentFile.read(archiveDir.resolve(segment.fileName()), segment.firstSeq(), segment.lastSeq(),
                        chain::accept);
            } catch (IllegalStateException e) {
                chain.broke(segment.firstSeq(), "archived segment unreadable: " + e.getMessage());
                return archivedUpTo;
            }
            if (chain.broken != null) {
                return archivedUpTo;
            }
            if (!sha.equals(segment.fileSha256()) || !chain.previous.equals(segment.lastHash())) {
                chain.broke(segment.lastSeq(), "the archived segment file " + segment.fileName()
                        + " is not the one registered (its bytes or its last hash differ)");
                return archivedUpTo;
            }
            archivedUpTo = segment.lastSeq();
        }
        return archivedUpTo;
    }

    /** The chain read so far, entry by entry, from the archive into the table. */
    private static final class Chain {
        private final Set<Long> checkpointed = new HashSet<>();
        final Map<Long, String> storedAtCheckpoints = new HashMap<>();
        long count;
        long expectedSeq = 1;
        String previous = StoredEntry.GENESIS;
        Result broken;

        Chain(List<DecisionCheckpoint> checkpoints) {
            checkpoints.forEach(c -> checkpointed.add(c.seq()));
        }

        void accept(ChainRow row) {
            if (broken != null) {
                return;
            }
            count++;
            if (row.seq() != expectedSeq) {
                broke(expectedSeq, "entry " + expectedSeq + " is missing");
            } else if (!row.prevHash().equals(previous)) {
                broke(row.seq(), "does not link to the previous entry's hash");
            } else if (!row.intact()) {
                broke(row.seq(), "content does not match its hash (edited)");
            }
            if (checkpointed.contains(row.seq())) {
                storedAtCheckpoints.put(row.seq(), row.hash());
            }
            previous = row.hash();
            expectedSeq++;
        }

        void broke(long seq, String problem) {
            if (broken == null) {
                broken = new Result(count, seq, problem);
            }
        }
    }
}
