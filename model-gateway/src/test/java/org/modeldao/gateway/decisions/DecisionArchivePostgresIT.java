package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Archiving on the real PostgreSQL server, in a fresh database per test ({@link DecisionArchiveContract});
 * a live row is tampered with as the superuser with the triggers disabled. Then the guards: only the
 * owner archives, only archived rows leave, only contiguous segments ending before the head are registered.
 */
class DecisionArchivePostgresIT extends DecisionArchiveContract {

    String database;
    DecisionFixture db;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "gateway_decision_archive_it_" + System.nanoTime();
        DecisionLogPostgresIT.admin("CREATE DATABASE " + database);
        db = new DecisionFixture("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "postgresql");
        scenarios = new DecisionArchiveScenarios(db, dir, sql -> DecisionLogPostgresIT.admin(database,
                "ALTER TABLE decision_log DISABLE TRIGGER USER; " + sql + "; ALTER TABLE decision_log ENABLE TRIGGER USER"));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        DecisionLogPostgresIT.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void only_the_owner_archives_and_the_database_holds_it_to_archived_rows_and_contiguous_segments() throws Exception {
        String role = "gateway_runtime_archive_" + System.nanoTime();
        DecisionLogPostgresIT.admin("CREATE ROLE " + role + " LOGIN");
        String rolesDb = database + "_roles";
        DecisionLogPostgresIT.admin("CREATE DATABASE " + rolesDb);
        try {
            DecisionFixture roles = new DecisionFixture("jdbc:postgresql://127.0.0.1:5432/" + rolesDb, "postgres", role,
                    "postgresql");
            try (DecisionLog log = roles.newLog()) {
                for (int i = 0; i < 50; i++) {
                    log.record(DecisionFixture.inference(i));
                }
            }
            DecisionArchiveSettings settings = DecisionArchiveSettings.in(dir.resolve("roles"), 10, 20, 7);
            assertThatThrownBy(() -> new DecisionArchiver(roles.jdbc, settings, Clock.systemUTC()).run())
                    .as("the runtime role may not register a segment").rootCause().hasMessageContaining("permission denied");
            assertThat(roles.entries()).isEqualTo(50);

            String hash = "SELECT entry_hash FROM decision_log WHERE seq = ";
            String h10 = roles.owner.queryForObject(hash + 10, String.class);
            String h50 = roles.owner.queryForObject(hash + 50, String.class);
            for (String refused : List.of(
                    "DELETE FROM decision_log WHERE seq = 1",
                    "INSERT INTO decision_archive VALUES (2, 10, '" + h10 + "', 'x', '" + "0".repeat(64) + "', 0)",
                    "INSERT INTO decision_archive VALUES (1, 50, '" + h50 + "', 'x', '" + "0".repeat(64) + "', 0)",
                    "INSERT INTO decision_archive VALUES (1, 10, '" + h50 + "', 'x', '" + "0".repeat(64) + "', 0)")) {
                assertThatThrownBy(() -> roles.owner.execute(refused)).as(refused).rootCause()
                        .hasMessageFindingMatch("not archived|does not continue|head's entry|last hash");
            }

            DecisionArchiver.Report report = new DecisionArchiver(roles.owner, settings, Clock.systemUTC()).run();
            assertThat(report.archivedEntries()).isEqualTo(40);
            assertThat(roles.entries()).isEqualTo(10);
            for (String refused : List.of(
                    "DELETE FROM decision_log WHERE seq = 41",
                    "DELETE FROM decision_archive",
                    "UPDATE decision_archive SET last_seq = 45",
                    "TRUNCATE decision_archive")) {
                assertThatThrownBy(() -> roles.owner.execute(refused)).as(refused)
                        .hasMessageContaining("append-only");
            }
            for (String refused : List.of("DELETE FROM decision_log WHERE seq = 45",
                    "INSERT INTO decision_archive VALUES (41, 45, '" + h50 + "', 'x', '" + "0".repeat(64) + "', 0)")) {
                assertThatThrownBy(() -> roles.jdbc.execute(refused)).as(refused).rootCause().hasMessageContaining("permission denied");
            }
            DecisionChainVerifier.Result result = new DecisionChainVerifier(roles.jdbc, settings.dir()).verify();
            assertThat(result.intact()).as("the runtime role verifies through the segments: " + result.problem()).isTrue();
            assertThat(result.entries()).isEqualTo(50);
        } finally {
            DecisionLogPostgresIT.admin("DROP DATABASE IF EXISTS " + rolesDb + " WITH (FORCE)");
            DecisionLogPostgresIT.admin("DROP ROLE IF EXISTS " + role);
        }
    }
}
