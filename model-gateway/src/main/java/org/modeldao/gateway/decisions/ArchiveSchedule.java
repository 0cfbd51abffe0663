package org.modeldao.gateway.decisions;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the archiver every {@code gateway.decision-log.archive.every} on a virtual thread. Not
 * started when the period is 0, or when the gateway's database role may not archive (on PostgreSQL
 * with two roles only the owner may): then {@code archive-decisions}, run as the owner, does it.
 */
final class ArchiveSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSchedule.class);

    private final Thread thread;

    private ArchiveSchedule(Thread thread) {
        this.thread = thread;
    }

    static ArchiveSchedule start(DecisionArchiver archiver, JdbcTemplate jdbc, Duration every) {
        if (every.isZero()) {
            return new ArchiveSchedule(null);
        }
        if (!mayArchive(jdbc)) {
            log.info("the gateway's database role may not archive decision log entries (only the owner may):"
                    + " run archive-decisions as the owner, e.g. from a timer");
            return new ArchiveSchedule(null);
        }
        return new ArchiveSchedule(Thread.ofVirtual().name("decision-archiver").start(() -> loop(archiver, every)));
    }

    private static void loop(DecisionArchiver archiver, Duration every) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(every);
                DecisionArchiver.Report report = archiver.run();
                if (report.segments() > 0 || !report.stoppedBecause().isEmpty()) {
                    log.info("decision log archive: {}", report);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the next run completes what this one left (DecisionArchiver): nothing to undo here
                log.error("decision log archive run failed, retried in {}: {}", every, e.getMessage());
            }
        }
    }

    private static boolean mayArchive(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> {
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return true;
            }
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT has_table_privilege('decision_log', 'DELETE')"
                    + " AND has_table_privilege('decision_archive', 'INSERT')")) {
                return rs.next() && rs.getBoolean(1);
            }
        }));
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
        }
    }
}
