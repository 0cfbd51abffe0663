package org.modeldao.gateway.decisions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code archive-decisions} command: one archiver run (as the database owner on PostgreSQL), then exit. */
public final class ArchiveDecisionsCommand {

    private static final Logger log = LoggerFactory.getLogger(ArchiveDecisionsCommand.class);

    private ArchiveDecisionsCommand() {}

    /** @return the process exit code: 0 done, 1 stopped by a problem (named in the log) */
    public static int run(DecisionArchiver archiver) {
        try {
            DecisionArchiver.Report report = archiver.run();
            log.info("decision log archive: {} segment(s), {} entries archived, {} rows deleted, {} rows in the table",
                    report.segments(), report.archivedEntries(), report.deletedRows(), report.liveRows());
            if (!report.stoppedBecause().isEmpty()) {
                log.error("decision log archive stopped: {}", report.stoppedBecause());
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            log.error("decision log archive failed (the next run completes it): {}", e.getMessage());
            return 1;
        }
    }
}
