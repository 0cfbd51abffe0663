package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A decision log on a migrated database, H2 or PostgreSQL. */
final class DecisionFixture {

    /** Short bounds, so a stalled writer shows within a test's patience. */
    static final DecisionLogSettings QUICK = new DecisionLogSettings(Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofMillis(200), Duration.ofMillis(5), 1000, Path.of("target/unused-checkpoints"), Path.of("target/unused-key"), "");

    /** What one request could put into an entry before the normal form (issue 11, item 1). */
    static final List<DecisionEntry> ATTACKS = List.of(
            new DecisionEntry("REFUSAL", "anonymous", "iris", "v".repeat(250), "not_found", "no version " + "v".repeat(250)),
            new DecisionEntry("INFERENCE", "0xabc", "iris", "1", "served", "constraints passed []; purpose a\u0000b"),
            new DecisionEntry("REFUSAL", "0xabc", "iris", "1", "invalid_input", "unknown input in\u0000put"),
            new DecisionEntry("REFUSAL", "0xabc", "iris\u0000", "1\ud800", "x".repeat(100), "d".repeat(10_000)));

    final DataSource dataSource;
    /** As the gateway's runtime role. */
    final JdbcTemplate jdbc;
    /** As the owner that ran the migrations. */
    final JdbcTemplate owner;

    DecisionFixture(String url, String user, String vendor) {
        this(url, user, user, vendor);
    }

    DecisionFixture(String url, String ownerRole, String runtimeRole, String vendor) {
        DataSource ownerSource = new DriverManagerDataSource(url, ownerRole, "");
        Flyway.configure().dataSource(ownerSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .placeholders(Map.of("runtime_role", runtimeRole))
                .failOnMissingLocations(false).load().migrate();
        dataSource = new DriverManagerDataSource(url, runtimeRole, "");
        jdbc = new JdbcTemplate(dataSource);
        owner = new JdbcTemplate(ownerSource);
    }

    DecisionLog newLog() {
        return newLog(DecisionLogSettings.defaults());
    }

    DecisionLog newLog(DecisionLogSettings settings) {
        return new DecisionLog(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC(), settings);
    }

    DecisionChainVerifier verifier() {
        return new DecisionChainVerifier(jdbc, (Path) null);
    }

    /** A log that signs a checkpoint into {@code dir} each time its head passes a multiple of {@code every}. */
    DecisionLog checkpointedLog(Path dir, long every) {
        DecisionLogSettings settings = DecisionLogSettings.defaults().checkpointingIn(dir, every);
        return new DecisionLog(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC(), settings, new Checkpointer(settings.journal(), "", settings.checkpointKeyFile(),
                        every, Clock.systemUTC()));
    }

    DecisionLogSettings checkpointedLogSettings(Path dir) {
        return DecisionLogSettings.defaults().checkpointingIn(dir, 1);
    }

    /** The verifier of {@code verify-decisions}: the chain, its head and the checkpoints in {@code dir}. */
    DecisionChainVerifier witnessedVerifier(Path dir, long every) {
        return new DecisionChainVerifier(jdbc, DecisionLogSettings.defaults().checkpointingIn(dir, every).witness(),
                dir.resolve("archive"));
    }

    long entries() {
        return jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class);
    }

    /**
     * Two writers on one database take turns, each turn flushed: every batch of one lands after the
     * other moved the head, so each writer's kept head is stale at every turn. The chain must stay one
     * intact chain of all the entries.
     */
    void takingTurnsExtendOneIntactChain(DecisionLog first, DecisionLog second) throws InterruptedException {
        for (int turn = 0; turn < 20; turn++) {
            DecisionLog writer = turn % 2 == 0 ? first : second;
            for (int i = 0; i < 15; i++) {
                writer.record(inference(turn * 100 + i));
            }
            writer.flush();
        }
        DecisionChainVerifier.Result result = verifier().verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(300);
        assertThat(first.status().writeFailures()).isZero();
        assertThat(second.status().writeFailures()).isZero();
        assertThat(jdbc.queryForList("SELECT detail FROM decision_log ORDER BY seq", String.class))
                .as("turn after turn, in order").startsWith("constraints passed [] #0").contains("constraints passed [] #114")
                .endsWith("constraints passed [] #1914");
    }

    static DecisionEntry inference(int n) {
        return new DecisionEntry("INFERENCE", "0xabc", "iris", "1", "served", "constraints passed [] #" + n);
    }

    /** The attacks, then 1,000 ordinary calls: all stored, the chain intact. */
    void survivesTheAttacksThenRecordsOrdinaryCalls(DecisionLog log) throws InterruptedException {
        long before = entries();
        ATTACKS.forEach(log::record);
        for (int i = 0; i < 1000; i++) {
            log.record(inference(i));
        }
        log.flush();
        assertThat(entries()).isEqualTo(before + ATTACKS.size() + 1000);
        DecisionChainVerifier.Result result = verifier().verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(jdbc.queryForList("SELECT detail FROM decision_log WHERE detail LIKE '%purpose a%'", String.class))
                .as("the NUL is stored as a visible escape").containsExactly("constraints passed []; purpose a\\u0000b");
        String version = jdbc.queryForObject("SELECT model_version FROM decision_log WHERE model_version LIKE 'vvv%'",
                String.class);
        assertThat(version).hasSize(DecisionEntry.NAME_MAX).endsWith("\u2026[+56]");
        assertThat(log.status().asciiOnlyEntries()).as("normal form alone was enough").isZero();
    }

    static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
