package org.modeldao.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit chain on the real PostgreSQL server of this machine, in a fresh database. */
class AuditLogPostgresIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String DATABASE = "gateway_audit_it_" + System.currentTimeMillis();

    @BeforeAll
    static void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void two_replicas_writing_concurrently_extend_one_intact_chain_that_the_database_keeps_append_only()
            throws Exception {
        AuditFixture db = new AuditFixture("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "postgresql");
        AuditLog first = db.newLog();
        AuditLog second = db.newLog();
        Thread a = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 300; i++) {
                first.record(AuditFixture.inference(i));
            }
        });
        Thread b = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 300; i++) {
                second.record(AuditFixture.inference(1000 + i));
            }
        });
        a.join();
        b.join();
        first.close();
        second.close();

        AuditChainVerifier.Result result = db.verifier().verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(600);
        assertThatThrownBy(() -> db.jdbc.update("UPDATE audit_log SET outcome = 'x' WHERE seq = 3"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.jdbc.update("DELETE FROM audit_log WHERE seq = 3"))
                .hasMessageContaining("append-only");
    }
}
