package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.gateway.decisions.DecisionArchiver.Step;
import org.modeldao.gateway.decisions.SegmentRegister.Segment;

/**
 * Archiving attacked, on H2 and on PostgreSQL alike: {@link #CHECKPOINT_EVERY}-checkpointed logs of
 * {@link #ENTRIES} entries, archived beyond {@link #KEEP} rows in segments of {@link #SEGMENT}, deleted
 * {@link #BATCH} rows at a time. {@code tamper} changes a live row the way the database allows its
 * owner (on PostgreSQL only with the triggers disabled).
 */
final class DecisionArchiveScenarios {

    static final int ENTRIES = 2500;
    static final int KEEP = 500;
    static final int SEGMENT = 400;
    static final int BATCH = 150;
    static final int CHECKPOINT_EVERY = 100;

    /** A simulated crash at one step of a run. */
    static final class Crash extends RuntimeException {
        Crash(Step step) {
            super("crash after " + step);
        }
    }

    interface Tamper {
        void run(String sql) throws Exception;
    }

    private final DecisionFixture db;
    private final Path dir;
    private final Tamper tamper;

    DecisionArchiveScenarios(DecisionFixture db, Path dir, Tamper tamper) {
        this.db = db;
        this.dir = dir;
        this.tamper = tamper;
    }

    DecisionArchiveSettings settings() {
        return DecisionArchiveSettings.in(dir.resolve("archive"), KEEP, SEGMENT, BATCH);
    }

    DecisionArchiver archiver() {
        return new DecisionArchiver(db.jdbc, settings(), Clock.systemUTC());
    }

    /** Crashes the run the {@code nth} time it passes {@code at}. */
    DecisionArchiver crashingArchiver(Step at, int nth) {
        int[] seen = {0};
        return new DecisionArchiver(db.jdbc, settings(), Clock.systemUTC(), (step, seq) -> {
            if (step == at && ++seen[0] == nth) {
                throw new Crash(step);
            }
        });
    }

    DecisionChainVerifier.Result verify() {
        return db.witnessedVerifier(dir, CHECKPOINT_EVERY).verify();
    }

    void assertIntact(long entries) {
        DecisionChainVerifier.Result result = verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(entries);
    }

    void record(int from, int count) throws InterruptedException {
        try (DecisionLog log = db.checkpointedLog(dir, CHECKPOINT_EVERY)) {
            for (int i = from; i < from + count; i++) {
                log.record(DecisionFixture.inference(i));
            }
        }
    }

    List<Segment> segments() {
        return new SegmentRegister(db.jdbc, settings().dir()).all();
    }

    long oldestLive() {
        return db.jdbc.queryForObject("SELECT min(seq) FROM decision_log", Long.class);
    }

    /** 2,500 entries, archived: 5 full segments (1..2000) leave, 500 stay; one chain from genesis to head. */
    void archivesBeyondKeepRowsAndTheChainVerifiesThroughTheSegments() throws Exception {
        record(0, ENTRIES);
        DecisionArchiver.Report report = archiver().run();
        assertThat(report.segments()).isEqualTo(5);
        assertThat(report.archivedEntries()).isEqualTo(2000);
        assertThat(report.deletedRows()).isEqualTo(2000);
        assertThat(report.liveRows()).isEqualTo(KEEP);
        assertThat(segments()).extracting(Segment::lastSeq).containsExactly(400L, 800L, 1200L, 1600L, 2000L);
        assertThat(oldestLive()).isEqualTo(2001);
        assertIntact(ENTRIES);
        assertThat(archiver().run().segments()).as("nothing more is due").isZero();
        // the table grows by one segment's worth at most before the next run takes it
        record(ENTRIES, SEGMENT);
        assertThat(archiver().run().segments()).isEqualTo(1);
        assertThat(db.entries()).isEqualTo(KEEP);
        assertIntact(ENTRIES + SEGMENT);
    }

    /** Writers go on while the archiver deletes: every entry is kept, in one chain. */
    void writersAppendingDuringArchivingKeepOneIntactChain() throws Exception {
        record(0, ENTRIES);
        List<Throwable> failures = new ArrayList<>();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                record(ENTRIES, 3000);
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        int segments = 0;
        while (writer.isAlive()) {
            segments += archiver().run().segments();
        }
        writer.join();
        segments += archiver().run().segments();
        assertThat(failures).isEmpty();
        assertThat(segments).isGreaterThanOrEqualTo(12); // (5500 - 500) / 400, rounded down
        assertThat(db.entries()).isBetween((long) KEEP, (long) KEEP + SEGMENT);
        assertIntact(ENTRIES + 3000);
    }

    /** Entries older than keep-age leave even when fewer than keep-rows are stored; the head's entry stays. */
    void entriesOlderThanKeepAgeAreArchivedAllButTheHead() throws Exception {
        record(0, 300);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(31));
        DecisionArchiveSettings byAge = new DecisionArchiveSettings(settings().dir(), 1_000_000, Duration.ofDays(30),
                SEGMENT, BATCH, 10, Duration.ZERO, 0);
        DecisionArchiver.Report report = new DecisionArchiver(db.jdbc, byAge, later).run();
        assertThat(report.archivedEntries()).isEqualTo(299);
        assertThat(db.entries()).isEqualTo(1);
        assertThat(new DecisionArchiver(db.jdbc, byAge, Clock.systemUTC()).run().segments())
                .as("nothing is 30 days old now").isZero();
        assertIntact(300);
    }

    /** An entry changed in a segment file (re-written well-formed, so only the hash can tell), then a flipped byte, then a missing file. */
    void aTamperedArchivedSegmentFailsVerification() throws Exception {
        record(0, ENTRIES);
        archiver().run();
        Segment second = segments().get(1);
        Path file = settings().dir().resolve(second.fileName());
        byte[] original = Files.readAllBytes(file);

        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        List<ChainRow> rows = new ArrayList<>();
        SegmentFile.read(file, second.firstSeq(), second.lastSeq(), rows::add);
        try (SegmentFile.Writer out = new SegmentFile.Writer(copy, second.firstSeq(), second.lastSeq())) {
            for (ChainRow r : rows) {
                out.add(r.seq() != 555 ? r : new ChainRow(r.seq(), r.recordedAtMillis(), r.kind(), "0xmallory", r.model(),
                        r.version(), r.outcome(), r.detail(), r.prevHash(), r.hash(), r.asciiOnly()));
            }
            out.finish();
        }
        Files.copy(copy.resolve(second.fileName()), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DecisionChainVerifier.Result edited = verify();
        assertThat(edited.firstBrokenSeq()).isEqualTo(555);
        assertThat(edited.problem()).contains("edited");

        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(file, flipped);
        assertThat(verify().intact()).isFalse();
        assertThat(verify().firstBrokenSeq()).isBetween(second.firstSeq(), second.lastSeq());

        Files.delete(file);
        assertThat(verify().firstBrokenSeq()).isEqualTo(second.firstSeq());
        assertThat(verify().problem()).contains("missing");

        Files.write(file, original);
        assertIntact(ENTRIES);
    }

    /** The first live row after the archive, edited, or gone: verification fails there. */
    void aTamperedLiveRowAtTheBoundaryFailsVerification() throws Exception {
        record(0, ENTRIES);
        archiver().run();
        tamper.run("UPDATE decision_log SET caller = '0xmallory' WHERE seq = 2001");
        DecisionChainVerifier.Result edited = verify();
        assertThat(edited.firstBrokenSeq()).isEqualTo(2001);
        assertThat(edited.problem()).contains("edited");

        // re-hashed so it is consistent in itself: then it no longer links to the archive's last hash
        DecisionEntry forged = new DecisionEntry("INFERENCE", "0xmallory", "iris", "1", "served", "constraints passed []");
        String prev = "f".repeat(64);
        long at = db.jdbc.queryForObject("SELECT recorded_at_ms FROM decision_log WHERE seq = 2001", Long.class);
        tamper.run("UPDATE decision_log SET caller = '0xmallory', detail = 'constraints passed []', prev_hash = '" + prev
                + "', entry_hash = '" + StoredEntry.hashOf(2001, at, forged, prev) + "' WHERE seq = 2001");
        assertThat(verify().firstBrokenSeq()).isEqualTo(2001);
        assertThat(verify().problem()).contains("does not link");

        tamper.run("DELETE FROM decision_log WHERE seq = 2001");
        assertThat(verify().firstBrokenSeq()).isEqualTo(2001);
        assertThat(verify().problem()).contains("entry 2001 is missing");
    }

    /** A crash after the file is written, before it is registered: the rerun writes it again and goes on. */
    void aCrashBetweenWritingAndRegisteringASegmentLeavesARerunConsistent() throws Exception {
        record(0, ENTRIES);
        assertThatThrownBy(() -> crashingArchiver(Step.SEGMENT_WRITTEN, 2).run()).isInstanceOf(Crash.class);
        assertThat(segments()).hasSize(1);
        assertThat(Files.exists(settings().dir().resolve(SegmentFile.name(401, 800)))).as("written, not registered").isTrue();
        assertThat(oldestLive()).isEqualTo(401);
        assertIntact(ENTRIES);
        archiver().run();
        assertThat(segments()).hasSize(5);
        assertThat(db.entries()).isEqualTo(KEEP);
        assertIntact(ENTRIES);
    }

    /** A crash in the middle of deleting a segment's rows: verification holds meanwhile, the rerun completes the deletion. */
    void aCrashBetweenWritingASegmentAndDeletingItsRowsLeavesARerunConsistent() throws Exception {
        record(0, ENTRIES);
        assertThatThrownBy(() -> crashingArchiver(Step.SEGMENT_REGISTERED, 1).run()).isInstanceOf(Crash.class);
        assertThat(oldestLive()).as("registered, nothing deleted").isEqualTo(1);
        assertIntact(ENTRIES);
        assertThatThrownBy(() -> crashingArchiver(Step.BATCH_DELETED, 1).run()).isInstanceOf(Crash.class);
        assertThat(oldestLive()).as("one batch deleted").isEqualTo(BATCH + 1);
        assertIntact(ENTRIES);
        DecisionArchiver.Report rerun = archiver().run();
        assertThat(rerun.deletedRows()).isEqualTo(2000 - BATCH);
        assertThat(db.entries()).isEqualTo(KEEP);
        assertIntact(ENTRIES);
    }

    /** A registered segment whose file was changed before its rows were deleted: the rows stay. */
    void aRerunDoesNotDeleteRowsWhoseSegmentFileChanged() throws Exception {
        record(0, ENTRIES);
        assertThatThrownBy(() -> crashingArchiver(Step.SEGMENT_REGISTERED, 1).run()).isInstanceOf(Crash.class);
        Path file = settings().dir().resolve(SegmentFile.name(1, SEGMENT));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> archiver().run()).hasMessageContaining(file.getFileName().toString());
        assertThat(db.entries()).isEqualTo(ENTRIES);
    }
}
