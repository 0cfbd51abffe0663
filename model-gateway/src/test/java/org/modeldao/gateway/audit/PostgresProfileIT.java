package org.modeldao.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.GovernanceState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway on its `postgres` profile, against the machine's PostgreSQL, in a fresh database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("postgres")
class PostgresProfileIT {

    static final String DATABASE = "gateway_profile_it_" + System.currentTimeMillis();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = DriverManager.getConnection(AuditLogPostgresIT.ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        registry.add("GATEWAY_DB_URL", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(AuditLogPostgresIT.ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GovernanceState governance;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditChainVerifier verifier;
    @TempDir
    Path dir;

    @Test
    void flyway_migrates_postgres_and_loads_are_audited_in_an_intact_chain() throws Exception {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.triggers"
                + " WHERE trigger_name = 'audit_log_no_update_or_delete'", Integer.class)).isPositive();
        GovernanceFixture dao = new GovernanceFixture(dir);
        dao.approveDemo("1");
        governance.publish(dao.snapshot());
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE kind = 'LOAD'", Integer.class) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        audit.flush();
        assertThat(jdbc.queryForObject("SELECT model FROM audit_log WHERE kind = 'LOAD'", String.class)).isEqualTo("iris");
        assertThat(verifier.verify().intact()).isTrue();
    }
}
