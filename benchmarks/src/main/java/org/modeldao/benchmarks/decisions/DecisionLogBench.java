package org.modeldao.benchmarks.decisions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.modeldao.gateway.decisions.DecisionArchiveSettings;
import org.modeldao.gateway.decisions.DecisionArchiver;
import org.modeldao.gateway.decisions.DecisionChainVerifier;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.decisions.DecisionLogSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./dao bench decision-log [entries] [keep-rows]}: the gateway's real decision writer records
 * {@code entries} INFERENCE-shaped calls (1,000,000) into a fresh PostgreSQL database and a fresh H2
 * file; bytes per entry in the table; then one archive run keeping {@code keep-rows} (100,000): what
 * the table keeps, the segment files' bytes per entry, the archive's rate; then as many calls again
 * and another run, to show the table's size stays put (PostgreSQL reuses the freed space after
 * VACUUM); verify-decisions through segments and table at the end.
 */
public final class DecisionLogBench {

    private DecisionLogBench() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long keep = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        String database = "decision_log_bench_" + System.nanoTime();
        admin("CREATE DATABASE " + database);
        Path dir = Files.createTempDirectory("decision-log-bench");
        try {
            run("postgresql", "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", dir.resolve("pg"), entries, keep);
            run("h2", "jdbc:h2:file:" + dir.resolve("h2/decisions"), "sa", dir.resolve("h2"), entries, keep);
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String vendor, String url, String user, Path dir, int entries, long keep) throws Exception {
        SingleConnectionDataSource source = new SingleConnectionDataSource(url, user, "", true);
        Flyway.configure().dataSource(source).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .placeholders(Map.of("runtime_role", user)).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(source);
        DecisionArchiveSettings archive = DecisionArchiveSettings.in(dir.resolve("archive"), keep, 100_000, 1000);
        System.out.printf("%n== %s: %,d calls, archive keeping %,d rows (segments of 100,000) ==%n", vendor, entries, keep);
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            record(source, jdbc, (round - 1) * entries, entries);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            long rows = jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class);
            long bytes = tableBytes(vendor, jdbc, dir);
            System.out.printf("round %d: recorded %,d calls in %.1f s (%,.0f/s); table %,d rows, %,d bytes = %.1f B/row%n",
                    round, entries, writeSeconds, entries / writeSeconds, rows, bytes, (double) bytes / rows);
            start = System.nanoTime();
            DecisionArchiver.Report report = new DecisionArchiver(jdbc, new DecisionArchiveSettings(archive.dir(), keep,
                    java.time.Duration.ZERO, 100_000, 1000, 1000, java.time.Duration.ZERO, 0), Clock.systemUTC()).run();
            double archiveSeconds = (System.nanoTime() - start) / 1e9;
            long archived = segmentBytes(archive.dir());
            long head = jdbc.queryForObject("SELECT seq FROM decision_head", Long.class);
            long archivedEntries = head - report.liveRows();
            if (vendor.equals("postgresql")) {
                jdbc.execute("VACUUM decision_log");
            }
            long after = tableBytes(vendor, jdbc, dir);
            System.out.printf("  archive run: %d segments, %,d entries in %.1f s (%,.0f/s); table keeps %,d rows, %,d bytes"
                    + " (%.1f B per kept row); segment files %,d bytes for %,d entries = %.1f B/entry (%.1f× smaller"
                    + " than a table row)%n", report.segments(), report.archivedEntries(), archiveSeconds,
                    report.archivedEntries() / archiveSeconds, report.liveRows(), after, (double) after / report.liveRows(),
                    archived, archivedEntries, (double) archived / archivedEntries,
                    ((double) bytes / rows) / ((double) archived / archivedEntries));
        }
        long start = System.nanoTime();
        DecisionChainVerifier.Result result = new DecisionChainVerifier(jdbc, archive.dir()).verify();
        System.out.printf("verify-decisions through segments and table: %s, %,d entries in %.1f s%n",
                result.intact() ? "intact" : "BROKEN " + result.problem(), result.entries(),
                (System.nanoTime() - start) / 1e9);
        if (vendor.equals("h2")) {
            jdbc.execute("SHUTDOWN COMPACT");
            System.out.printf("H2 file after SHUTDOWN COMPACT: %,d bytes%n", Files.size(dir.resolve("decisions.mv.db")));
        }
        source.destroy();
    }

    private static void record(DataSource source, JdbcTemplate jdbc, int from, int count) throws Exception {
        String detail = "constraints passed [] purpose=research policy=default ";
        detail = detail + "x".repeat(100 - detail.length());
        try (DecisionLog log = new DecisionLog(jdbc, new TransactionTemplate(new DataSourceTransactionManager(source)),
                Clock.systemUTC(), settings())) {
            byte[] address = new byte[20];
            for (int i = from; i < from + count; i++) {
                address[0] = (byte) i;
                address[1] = (byte) (i >> 8);
                address[2] = (byte) (i >> 16);
                log.record(new DecisionEntry("INFERENCE", "0x" + HexFormat.of().formatHex(address), "iris", "3", "served",
                        detail));
            }
        }
    }

    /**
     * The bench records as fast as one thread can, far faster than calls arrive: it waits for room
     * in the queue (60 s) where the gateway would refuse a call after 2 s.
     */
    private static DecisionLogSettings settings() {
        DecisionLogSettings d = DecisionLogSettings.defaults();
        return new DecisionLogSettings(java.time.Duration.ofSeconds(60), d.stallAfter(), d.maxBackoff(), d.linger(), d.checkpointEvery(),
                d.checkpointFile(), d.checkpointKeyFile(), d.checkpointKey());
    }

    private static long tableBytes(String vendor, JdbcTemplate jdbc, Path dir) throws IOException {
        if (vendor.equals("postgresql")) {
            return jdbc.queryForObject("SELECT pg_total_relation_size('decision_log')", Long.class);
        }
        jdbc.execute("CHECKPOINT SYNC");
        return Files.size(dir.resolve("decisions.mv.db"));
    }

    private static long segmentBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg.gz")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
