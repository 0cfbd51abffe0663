package org.modeldao.gateway.decisions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** Archiving on H2, attacked ({@link DecisionArchiveScenarios}); the same runs on PostgreSQL in {@link DecisionArchivePostgresIT}. */
class DecisionArchiveTest {

    @TempDir
    Path dir;
    DecisionArchiveScenarios scenarios;

    @BeforeEach
    void open() {
        DecisionFixture db = new DecisionFixture("jdbc:h2:mem:archive-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "h2");
        scenarios = new DecisionArchiveScenarios(db, dir, db.owner::execute);
    }

    @Test
    void archives_beyond_keep_rows_and_the_chain_verifies_through_the_segments() throws Exception {
        scenarios.archivesBeyondKeepRowsAndTheChainVerifiesThroughTheSegments();
    }

    @Test
    void writers_appending_during_archiving_keep_one_intact_chain() throws Exception {
        scenarios.writersAppendingDuringArchivingKeepOneIntactChain();
    }

    @Test
    void entries_older_than_keep_age_are_archived_all_but_the_head() throws Exception {
        scenarios.entriesOlderThanKeepAgeAreArchivedAllButTheHead();
    }

    @Test
    void a_tampered_archived_segment_fails_verification() throws Exception {
        scenarios.aTamperedArchivedSegmentFailsVerification();
    }

    @Test
    void a_tampered_live_row_at_the_boundary_fails_verification() throws Exception {
        scenarios.aTamperedLiveRowAtTheBoundaryFailsVerification();
    }

    @Test
    void a_crash_between_writing_and_registering_a_segment_leaves_a_rerun_consistent() throws Exception {
        scenarios.aCrashBetweenWritingAndRegisteringASegmentLeavesARerunConsistent();
    }

    @Test
    void a_crash_between_writing_a_segment_and_deleting_its_rows_leaves_a_rerun_consistent() throws Exception {
        scenarios.aCrashBetweenWritingASegmentAndDeletingItsRowsLeavesARerunConsistent();
    }

    @Test
    void a_rerun_does_not_delete_rows_whose_segment_file_changed() throws Exception {
        scenarios.aRerunDoesNotDeleteRowsWhoseSegmentFileChanged();
    }
}
