package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit chain on the real PostgreSQL server of this machine, in a fresh database. */
class DecisionLogPostgresIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    String database;
    DecisionFixture db;

    /** A fresh database per test: the tables refuse to be emptied. */
    @BeforeEach
    void createDatabase() throws Exception {
        database = "gateway_audit_it_" + System.nanoTime();
        admin("CREATE DATABASE " + database);
        admin("CREATE DATABASE " + database + "_roles");
        db = new DecisionFixture("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "postgresql");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** As the owner, in {@code database}. */
    static void admin(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void two_replicas_writing_concurrently_extend_one_intact_chain_that_the_database_keeps_append_only()
            throws Exception {
        DecisionLog first = db.newLog();
        DecisionLog second = db.newLog();
        Thread a = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 300; i++) {
                first.record(DecisionFixture.inference(i));
            }
        });
        Thread b = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 300; i++) {
                second.record(DecisionFixture.inference(1000 + i));
            }
        });
        a.join();
        b.join();
        first.close();
        second.close();

        DecisionChainVerifier.Result result = db.verifier().verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(600);
        assertThatThrownBy(() -> db.jdbc.update("UPDATE audit_log SET outcome = 'x' WHERE seq = 3"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.jdbc.update("DELETE FROM audit_log WHERE seq = 3"))
                .hasMessageContaining("append-only");
    }

    @Test
    void attack_inputs_then_a_thousand_ordinary_calls_are_all_stored_in_an_intact_chain() throws Exception {
        try (DecisionLog log = db.newLog()) {
            db.survivesTheAttacksThenRecordsOrdinaryCalls(log);
        }
    }

    @Test
    void the_writer_gives_up_on_a_poisoned_entry_rather_than_looping() throws Exception {
        new DecisionWriterScenarios(db).writerGivesUpOnAPoisonedEntryInsteadOfLooping();
    }

    @Test
    void the_writer_reports_a_stall_while_the_database_refuses_writes_and_recovers() throws Exception {
        new DecisionWriterScenarios(db).writerStallsVisiblyWhileTheDatabaseRefusesAndRecovers(
                "ALTER TABLE audit_log RENAME TO audit_log_away", "ALTER TABLE audit_log_away RENAME TO audit_log");
    }

    @Test
    void a_full_queue_refuses_the_call_after_a_bounded_wait_and_loses_nothing_it_accepted() throws Exception {
        new DecisionWriterScenarios(db).aFullQueueRefusesTheCallAfterTheBoundedWait(
                "ALTER TABLE audit_log RENAME TO audit_log_away", "ALTER TABLE audit_log_away RENAME TO audit_log");
    }

    @Test
    void the_runtime_role_appends_but_cannot_drop_truncate_delete_update_or_move_the_head_back(@TempDir Path dir)
            throws Exception {
        String role = "gateway_runtime_" + System.nanoTime();
        admin("CREATE ROLE " + role + " LOGIN");
        try {
            DecisionFixture runtime = new DecisionFixture("jdbc:postgresql://127.0.0.1:5432/" + database + "_roles",
                    "postgres", role, "postgresql");
            try (DecisionLog log = runtime.checkpointedLog(dir, 10)) {
                for (int i = 0; i < 25; i++) {
                    log.record(DecisionFixture.inference(i));
                }
            }
            assertThat(runtime.entries()).isEqualTo(25);
            String hash20 = runtime.jdbc.queryForObject("SELECT entry_hash FROM audit_log WHERE seq = 20", String.class);
            String forged = "f".repeat(64);
            for (String refused : List.of(
                    "DROP TRIGGER audit_log_no_update_or_delete ON audit_log",
                    "ALTER TABLE audit_log DISABLE TRIGGER USER",
                    "DROP TABLE audit_log",
                    "TRUNCATE audit_log",
                    "DELETE FROM audit_log WHERE seq > 20",
                    "UPDATE audit_log SET outcome = 'refused' WHERE seq = 3",
                    "UPDATE audit_head SET seq = 20, entry_hash = '" + hash20 + "' WHERE id = 1",
                    "UPDATE audit_head SET seq = 30, entry_hash = '" + forged + "' WHERE id = 1",
                    "DELETE FROM audit_head",
                    "TRUNCATE audit_head",
                    "INSERT INTO audit_log VALUES (40, 0, 'X', '', '', '', '', '', '" + forged + "', '" + forged
                            + "', FALSE)")) {
                assertThatThrownBy(() -> runtime.jdbc.execute(refused)).as(refused).rootCause()
                        .hasMessageFindingMatch("must be owner|permission denied|moves forward|does not link");
            }
            assertThat(runtime.entries()).isEqualTo(25);
            DecisionChainVerifier.Result result = runtime.witnessedVerifier(dir, 10).verify();
            assertThat(result.intact()).as(result.problem()).isTrue();

            // the owner (a superuser here) can still do anything, but the signed checkpoints remember
            runtime.owner.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            runtime.owner.execute("ALTER TABLE audit_head DISABLE TRIGGER USER");
            runtime.owner.execute("DELETE FROM audit_log WHERE seq > 20");
            runtime.owner.execute("UPDATE audit_head SET seq = 20, entry_hash = '" + hash20 + "' WHERE id = 1");
            assertThat(runtime.verifier().verify().intact()).as("the chain alone cannot tell").isTrue();
            assertThat(runtime.witnessedVerifier(dir, 10).verify().problem()).contains("entries removed");
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + "_roles WITH (FORCE)");
            admin("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void even_the_owner_cannot_truncate_or_delete_without_first_disabling_the_triggers() {
        assertThatThrownBy(() -> db.owner.execute("TRUNCATE audit_log")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.owner.execute("DELETE FROM audit_head")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.owner.execute("UPDATE audit_head SET seq = 5")).hasMessageContaining("moves forward");
    }
}
