package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "gateway.audit.stall-after=1s")
@ActiveProfiles("postgres")
class PostgresProfileIT {

    static final String DATABASE = "gateway_profile_it_" + System.currentTimeMillis();
    static final String RUNTIME_ROLE = "gateway_runtime_it_" + System.currentTimeMillis();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        DecisionLogPostgresIT.admin("CREATE DATABASE " + DATABASE);
        DecisionLogPostgresIT.admin("CREATE ROLE " + RUNTIME_ROLE + " LOGIN");
        registry.add("GATEWAY_DB_URL", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        registry.add("GATEWAY_DB_USER", () -> RUNTIME_ROLE);
        registry.add("GATEWAY_DB_OWNER", () -> "postgres");
    }

    @AfterAll
    static void drop() throws Exception {
        DecisionLogPostgresIT.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        DecisionLogPostgresIT.admin("DROP ROLE IF EXISTS " + RUNTIME_ROLE);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GovernanceState governance;
    @Autowired
    DecisionLog audit;
    @Autowired
    DecisionChainVerifier verifier;
    @Autowired
    DecisionWriterHealthIndicator writerHealth;
    @TempDir
    Path dir;

    @Test
    void flyway_migrates_as_the_owner_and_the_gateway_appends_as_its_runtime_role() throws Exception {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(RUNTIME_ROLE);
        assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'", String.class))
                .isEqualTo("postgres");
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

    @Test
    void attacks_through_the_wired_writer_are_stored_and_readiness_follows_a_database_that_refuses_the_runtime_role()
            throws Exception {
        DecisionFixture.ATTACKS.forEach(audit::record);
        audit.flush();
        assertThat(audit.status().backlog()).isZero();
        assertThat(writerHealth.health().getStatus().getCode()).isEqualTo("UP");

        DecisionLogPostgresIT.admin(DATABASE, "REVOKE INSERT ON audit_log FROM " + RUNTIME_ROLE);
        try {
            audit.record(DecisionFixture.inference(1));
            DecisionFixture.await(() -> writerHealth.health().getStatus().getCode().equals("DOWN"), Duration.ofSeconds(10),
                    "readiness DOWN while the database refuses the runtime role");
        } finally {
            DecisionLogPostgresIT.admin(DATABASE, "GRANT INSERT ON audit_log TO " + RUNTIME_ROLE);
        }
        DecisionFixture.await(() -> writerHealth.health().getStatus().getCode().equals("UP"), Duration.ofSeconds(10),
                "readiness UP once it may write again");
        audit.flush();
        assertThat(VerifyDecisionsCommand.run(verifier)).isZero();
    }
}
