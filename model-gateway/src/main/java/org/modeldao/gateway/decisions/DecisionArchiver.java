package org.modeldao.gateway.decisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.modeldao.gateway.decisions.SegmentRegister.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves the decision log's oldest entries out of the table into segment files, the chain intact.
 *
 * <p>Per segment, in this order, each step durable before the next: (1) read the entries in pages
 * of {@code batch}, checking that they link and re-hash, into a segment file forced to disk and
 * moved into place; (2) register the segment (first and last seq, last hash, the file's SHA-256)
 * in {@code decision_archive}; (3) delete the segment's rows, {@code batch} per transaction, oldest
 * first, so the table is always a contiguous tail of the chain. A run that stops anywhere — crash,
 * refused statement — leaves a state the next run completes: before (2) the file is simply written
 * again (same entries, same bytes); after (2) the deletion resumes, once the file has been read
 * back and found to be the one registered.
 *
 * <p>Writers append at the head meanwhile: a segment ends before the head's entry, so deletion
 * never touches a row the writer reads (the head's) or links to. Two archivers on one database
 * cannot both register a segment: the register's key (and on PostgreSQL its trigger) refuses the
 * second.
 */
public final class DecisionArchiver {

    private static final Logger log = LoggerFactory.getLogger(DecisionArchiver.class);

    /** Points after which a run may stop (tests stop it there to play a crash). */
    enum Step { SEGMENT_WRITTEN, SEGMENT_REGISTERED, BATCH_DELETED }

    interface StepListener {
        void after(Step step, long seq);
    }

    /**
     * @param stoppedBecause why the run archived no further ("" when it ran out of archivable entries)
     */
    public record Report(int segments, long archivedEntries, long deletedRows, long liveRows, String stoppedBecause) {}

    private final JdbcTemplate jdbc;
    private final SegmentRegister register;
    private final DecisionArchiveSettings settings;
    private final Clock clock;
    private final StepListener steps;

    public DecisionArchiver(JdbcTemplate jdbc, DecisionArchiveSettings settings, Clock clock) {
        this(jdbc, settings, clock, (step, seq) -> {});
    }

    DecisionArchiver(JdbcTemplate jdbc, DecisionArchiveSettings settings, Clock clock, StepListener steps) {
        this.jdbc = jdbc;
        this.register = new SegmentRegister(jdbc, settings.dir());
        this.settings = settings;
        this.clock = clock;
        this.steps = steps;
    }

    /** Completes what an earlier run left, then archives at most {@code maxSegmentsPerRun} segments. */
    public Report run() {
        long deleted = deleteArchivedRows(true);
        int segments = 0;
        long archived = 0;
        String stopped = "";
        while (segments < settings.maxSegmentsPerRun()) {
            long first = register.lastSeq() + 1;
            long last = archivableUpTo(first);
            if (last < first) {
                break;
            }
            stopped = roomProblem();
            if (!stopped.isEmpty()) {
                log.warn("decision log archive stopped: {}", stopped);
                break;
            }
            Segment segment = write(first, last, register.lastHash());
            steps.after(Step.SEGMENT_WRITTEN, last);
            try {
                register.register(segment, clock.millis());
            } catch (DuplicateKeyException e) {
                stopped = "another archiver registered entries from " + first + " first";
                break;
            }
            steps.after(Step.SEGMENT_REGISTERED, last);
            log.info("decision log entries {}..{} archived to {}", first, last, register.file(segment));
            deleted += deleteArchivedRows(false);
            segments++;
            archived += last - first + 1;
        }
        long live = jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class);
        return new Report(segments, archived, deleted, live, stopped);
    }

    /**
     * The last entry of the next segment from {@code first}, below {@code first} when none is due: a
     * full segment beyond the newest {@code keepRows}, or (partial) the entries older than {@code keepAge};
     * never the head's entry.
     */
    long archivableUpTo(long first) {
        long head = jdbc.queryForObject("SELECT seq FROM decision_head WHERE id = 1", Long.class);
        long cap = Math.min(first + settings.segmentEntries() - 1, head - 1);
        if (cap < first) {
            return first - 1;
        }
        long byRows = head - settings.keepRows() >= first + settings.segmentEntries() - 1 ? cap : first - 1;
        return Math.max(byRows, olderThanKeepAge(first, cap));
    }

    /** Entries are stamped in chain order, so the old ones are a prefix: found by bisection on the key. */
    private long olderThanKeepAge(long first, long cap) {
        if (settings.keepAge().isZero()) {
            return first - 1;
        }
        long cutoff = clock.millis() - settings.keepAge().toMillis();
        long low = first - 1;
        long high = cap;
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            List<Long> at = jdbc.queryForList("SELECT recorded_at_ms FROM decision_log WHERE seq = ?", Long.class, mid);
            if (!at.isEmpty() && at.getFirst() < cutoff) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private String roomProblem() {
        try {
            Files.createDirectories(register.dir());
            long free = Files.getFileStore(register.dir()).getUsableSpace();
            return free < settings.minFreeBytes() ? register.dir() + " has " + free + " bytes free, less than"
                    + " gateway.decision-log.archive.min-free-bytes (" + settings.minFreeBytes() + ")" : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the decision log archive folder " + register.dir(), e);
        }
    }

    /** Reads the rows page by page, refusing a chain that does not link or re-hash: a break is not archived. */
    private Segment write(long first, long last, String linksTo) {
        String[] previous = {linksTo};
        try (SegmentFile.Writer out = new SegmentFile.Writer(register.dir(), first, last)) {
            for (long from = first; from <= last; from += settings.batch()) {
                long to = Math.min(last, from + settings.batch() - 1);
                jdbc.query("SELECT " + ChainRow.COLUMNS + " FROM decision_log WHERE seq BETWEEN ? AND ? ORDER BY seq",
                        rs -> {
                            ChainRow row = ChainRow.of(rs);
                            if (!row.prevHash().equals(previous[0]) || !row.intact()) {
                                throw new IllegalStateException("decision log entry " + row.seq() + " does not verify;"
                                        + " nothing from it is archived (run verify-decisions)");
                            }
                            out.add(row);
                            previous[0] = row.hash();
                        }, from, to);
            }
            String sha = out.finish();
            return new Segment(first, last, previous[0], SegmentFile.name(first, last), sha);
        }
    }

    /**
     * Deletes the rows of registered segments, oldest first, one batch per transaction.
     *
     * @param checkFile read a segment back before deleting its rows (a run completing an earlier one)
     */
    private long deleteArchivedRows(boolean checkFile) {
        long archivedUpTo = register.lastSeq();
        Long oldest = jdbc.queryForObject("SELECT min(seq) FROM decision_log", Long.class);
        if (oldest == null || oldest > archivedUpTo) {
            return 0;
        }
        if (checkFile) {
            register.all().stream().filter(s -> s.lastSeq() >= oldest).forEach(this::checkOnDisk);
        }
        long deleted = 0;
        for (long from = oldest; from <= archivedUpTo; from += settings.batch()) {
            long to = Math.min(archivedUpTo, from + settings.batch() - 1);
            deleted += jdbc.update("DELETE FROM decision_log WHERE seq BETWEEN ? AND ?", from, to);
            steps.after(Step.BATCH_DELETED, to);
        }
        return deleted;
    }

    private void checkOnDisk(Segment segment) {
        Path file = register.file(segment);
        if (!Files.exists(file)) {
            throw new IllegalStateException("segment file " + file + " of entries " + segment.firstSeq() + ".."
                    + segment.lastSeq() + " is missing: its rows stay in the table");
        }
        String sha = SegmentFile.read(file, segment.firstSeq(), segment.lastSeq(), row -> {});
        if (!sha.equals(segment.fileSha256())) {
            throw new IllegalStateException("segment file " + file + " is not the one registered: its rows stay in the table");
        }
    }
}
