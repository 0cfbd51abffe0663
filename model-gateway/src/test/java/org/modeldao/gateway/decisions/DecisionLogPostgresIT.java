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

/** The decision log on the real PostgreSQL server of this machine, in a fresh database. */
class DecisionLogPostgresIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    String database;
    DecisionFixture db;

    /** A fresh database per test: the tables refuse to be emptied. */
    @BeforeEach
    void createDatabase() throws Exception {
        database = "gateway_decision_log_it_" + System.nanoTime();
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
        assertThatThrownBy(() -> db.jdbc.update("UPDATE decision_log SET outcome = 'x' WHERE seq = 3"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.jdbc.update("DELETE FROM decision_log WHERE seq = 3"))
                .hasMessageContaining("append-only");
    }

    @Test
    void two_replicas_taking_turns_extend_one_intact_chain() throws Exception {
        DecisionLog first = db.newLog();
        DecisionLog second = db.newLog();
        try {
            db.takingTurnsExtendOneIntactChain(first, second);
        } finally {
            first.close();
            second.close();
        }
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
                "ALTER TABLE decision_log RENAME TO decision_log_away", "ALTER TABLE decision_log_away RENAME TO decision_log");
    }

    @Test
    void a_full_queue_refuses_the_call_after_a_bounded_wait_and_loses_nothing_it_accepted() throws Exception {
        new DecisionWriterScenarios(db).aFullQueueRefusesTheCallAfterTheBoundedWait(
                "ALTER TABLE decision_log RENAME TO decision_log_away", "ALTER TABLE decision_log_away RENAME TO decision_log");
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
            String hash20 = runtime.jdbc.queryForObject("SELECT entry_hash FROM decision_log WHERE seq = 20", String.class);
            String forged = "f".repeat(64);
            for (String refused : List.of(
                    "DROP TRIGGER decision_log_no_update_or_delete ON decision_log",
                    "ALTER TABLE decision_log DISABLE TRIGGER USER",
                    "DROP TABLE decision_log",
                    "TRUNCATE decision_log",
                    "DELETE FROM decision_log WHERE seq > 20",
                    "UPDATE decision_log SET outcome = 'refused' WHERE seq = 3",
                    "UPDATE decision_head SET seq = 20, entry_hash = '" + hash20 + "' WHERE id = 1",
                    "UPDATE decision_head SET seq = 30, entry_hash = '" + forged + "' WHERE id = 1",
                    "DELETE FROM decision_head",
                    "TRUNCATE decision_head",
                    "INSERT INTO decision_log VALUES (40, 0, 'X', '', '', '', '', '', '" + forged + "', '" + forged
                            + "', FALSE)")) {
                assertThatThrownBy(() -> runtime.jdbc.execute(refused)).as(refused).rootCause()
                        .hasMessageFindingMatch("must be owner|permission denied|moves forward|does not link");
            }
            assertThat(runtime.entries()).isEqualTo(25);
            DecisionChainVerifier.Result result = runtime.witnessedVerifier(dir, 10).verify();
            assertThat(result.intact()).as(result.problem()).isTrue();

            // the owner (a superuser here) can still do anything, but the signed checkpoints remember
            runtime.owner.execute("ALTER TABLE decision_log DISABLE TRIGGER USER");
            runtime.owner.execute("ALTER TABLE decision_head DISABLE TRIGGER USER");
            runtime.owner.execute("DELETE FROM decision_log WHERE seq > 20");
            runtime.owner.execute("UPDATE decision_head SET seq = 20, entry_hash = '" + hash20 + "' WHERE id = 1");
            assertThat(runtime.verifier().verify().intact()).as("the chain alone cannot tell").isTrue();
            assertThat(runtime.witnessedVerifier(dir, 10).verify().problem()).contains("entries removed");
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + "_roles WITH (FORCE)");
            admin("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void even_the_owner_cannot_truncate_or_delete_without_first_disabling_the_triggers() {
        assertThatThrownBy(() -> db.owner.execute("TRUNCATE decision_log")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.owner.execute("DELETE FROM decision_head")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.owner.execute("UPDATE decision_head SET seq = 5")).hasMessageContaining("moves forward");
    }
}
