package org.modeldao.gateway.decisions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2's store settings for a log that is appended to and seldom read back (verify, archive), set when
 * the gateway starts on H2, whatever URL it was given. H2's defaults suit a database that is read:
 * <ul>
 *   <li>a 16 MB page cache held pages the log had just written and would not read again, and each young
 *       collection copied them: at 25,000 entries a second, 7.3–8.1 ms of pauses a second, 3.3–3.9 with 1 MB
 *       (appending needs only the path to the last page).</li>
 *   <li>a write delay of 500 ms kept committed entries in the heap as unsaved pages for up to half a second
 *       (more of the same copying), and a process that died lost them. At 50 ms the pauses fall to 2.5–2.7 ms
 *       a second (0.9–1.1 at 8,000 entries a second), for 1.0–1.1 × the CPU per entry of H2's defaults (1 MB and 500 ms alone: 0.9 ×): the price
 *       of a crash losing a tenth of what it lost. At 0 (a write per commit) it would lose nothing committed,
 *       but the writer's JVM spent 1.3 × the CPU per entry.</li>
 * </ul>
 * Measured by {@code ./dao bench decision-writer} (docs/benchmarks.md, 2026-12-08).
 */
public final class H2LogStore {

    public static final int CACHE_KB = 1024;
    /** Also what a crash can lose of committed entries on H2, on top of the writer's linger. */
    public static final int WRITE_DELAY_MS = 50;

    private static final Logger log = LoggerFactory.getLogger(H2LogStore.class);

    private H2LogStore() {}

    /** Sets both on an H2 database (they are database-wide; the gateway calls this on H2 only). */
    static void tune(JdbcTemplate jdbc) {
        try {
            jdbc.execute("SET CACHE_SIZE " + CACHE_KB);
            jdbc.execute("SET WRITE_DELAY " + WRITE_DELAY_MS);
        } catch (DataAccessException e) {
            // only an admin may change them: the log works as before, with H2's defaults
            log.warn("decision log on H2 keeps H2's page cache and write delay: {}", e.getMostSpecificCause().getMessage());
        }
    }
}
