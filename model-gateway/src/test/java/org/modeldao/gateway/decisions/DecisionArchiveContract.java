package org.modeldao.gateway.decisions;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's attacks ({@link DecisionArchiveScenarios}), run on each database by a subclass that sets {@link #scenarios}. */
abstract class DecisionArchiveContract {

    @TempDir
    Path dir;
    DecisionArchiveScenarios scenarios;

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
