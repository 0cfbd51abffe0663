package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A log written while it was still called audit_log (migrations up to V4) goes on as decision_log
 * (V5, and V6 on PostgreSQL): the entries and their hashes are kept, new entries extend the same
 * chain, and on PostgreSQL the runtime role may still only append, under guards that now all
 * carry the new names.
 */
class DecisionLogMigrationIT {

    static final int BEFORE = 7;
    static final int AFTER = 5;
    /** The last migration before V5 renamed the tables: V4 is PostgreSQL's alone. */
    static final Map<String, String> LAST_AS_AUDIT_LOG = Map.of("h2", "3", "postgresql", "4");

    @Test
    void an_audit_log_written_before_the_rename_goes_on_as_the_decision_log_on_h2() throws Exception {
        String url = "jdbc:h2:mem:decision-log-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        DecisionFixture db = upgrade(url, "sa", "sa", "h2");
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM information_schema.tables"
                + " WHERE LOWER(table_name) IN ('audit_log', 'audit_head')", Integer.class)).isZero();
    }

    @Test
    void an_audit_log_written_before_the_rename_goes_on_as_the_decision_log_on_postgresql() throws Exception {
        String database = "gateway_decision_log_migration_it_" + System.nanoTime();
        String role = "gateway_runtime_migration_" + System.nanoTime();
        DecisionLogPostgresIT.admin("CREATE DATABASE " + database);
        DecisionLogPostgresIT.admin("CREATE ROLE " + role + " LOGIN");
        try {
            DecisionFixture db = upgrade("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", role, "postgresql");
            assertThat(db.owner.queryForList("SELECT proname FROM pg_proc WHERE proname LIKE 'audit%'", String.class))
                    .as("no function left under the former name").isEmpty();
            assertThat(db.owner.queryForList("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname",
                    String.class)).containsExactly("decision_archive_contiguous", "decision_archive_no_truncate",
                    "decision_archive_no_update_or_delete", "decision_head_forward_only",
                    "decision_head_no_delete", "decision_head_no_truncate", "decision_log_appends_linked",
                    "decision_log_no_truncate", "decision_log_no_update_or_delete");
            assertThat(db.owner.queryForList("SELECT conname FROM pg_constraint WHERE contype = 'p' ORDER BY conname",
                    String.class)).contains("decision_head_pkey", "decision_log_pkey").noneMatch(n -> n.startsWith("audit"));
            String hash3 = db.jdbc.queryForObject("SELECT entry_hash FROM decision_log WHERE seq = 3", String.class);
            for (String refused : List.of(
                    "DROP TRIGGER decision_log_no_update_or_delete ON decision_log",
                    "ALTER TABLE decision_log DISABLE TRIGGER USER",
                    "TRUNCATE decision_log",
                    "DELETE FROM decision_log WHERE seq > 3",
                    "UPDATE decision_log SET outcome = 'refused' WHERE seq = 3",
                    "UPDATE decision_head SET seq = 3, entry_hash = '" + hash3 + "' WHERE id = 1",
                    "DELETE FROM decision_head",
                    "INSERT INTO decision_log VALUES (99, 0, 'X', '', '', '', '', '', '" + "f".repeat(64) + "', '"
                            + "f".repeat(64) + "', FALSE)")) {
                assertThatThrownBy(() -> db.jdbc.execute(refused)).as(refused).rootCause()
                        .hasMessageFindingMatch("must be owner|permission denied|moves forward|does not link");
            }
            assertThatThrownBy(() -> db.owner.execute("UPDATE decision_log SET outcome = 'x' WHERE seq = 1"))
                    .as("the owner too, without disabling the triggers").hasMessageContaining("decision_log is append-only");
            assertThat(db.entries()).isEqualTo(BEFORE + AFTER);
        } finally {
            DecisionLogPostgresIT.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            DecisionLogPostgresIT.admin("DROP ROLE IF EXISTS " + role);
        }
    }

    /** Migrates to the last version before the rename, writes {@value #BEFORE} entries as the runtime role, migrates on, appends {@value #AFTER} more. */
    private static DecisionFixture upgrade(String url, String owner, String runtimeRole, String vendor) throws Exception {
        Flyway.configure().dataSource(new DriverManagerDataSource(url, owner, ""))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .placeholders(Map.of("runtime_role", runtimeRole)).target(LAST_AS_AUDIT_LOG.get(vendor)).load().migrate();
        JdbcTemplate before = new JdbcTemplate(new DriverManagerDataSource(url, runtimeRole, ""));
        String prev = StoredEntry.GENESIS;
        for (int seq = 1; seq <= BEFORE; seq++) {
            DecisionEntry e = DecisionFixture.inference(seq);
            long at = 1_700_000_000_000L + seq;
            String hash = StoredEntry.hashOf(seq, at, e, prev);
            before.update("INSERT INTO audit_log (seq, recorded_at_ms, kind, caller, model, model_version, outcome, detail,"
                    + " prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at, e.kind(), e.caller(),
                    e.model(), e.version(), e.outcome(), e.detail(), prev, hash);
            before.update("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1", seq, hash);
            prev = hash;
        }

        DecisionFixture db = new DecisionFixture(url, owner, runtimeRole, vendor);
        assertThat(db.entries()).as("every entry kept").isEqualTo(BEFORE);
        try (DecisionLog log = db.newLog()) {
            for (int i = 0; i < AFTER; i++) {
                log.record(DecisionFixture.inference(100 + i));
            }
        }
        DecisionChainVerifier.Result result = db.verifier().verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(BEFORE + AFTER);
        assertThat(db.jdbc.queryForObject("SELECT prev_hash FROM decision_log WHERE seq = ?", String.class, BEFORE + 1))
                .as("the first new entry links to the last one written as audit_log").isEqualTo(prev);
        return db;
    }
}
