package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.GatewayOverHttp;
import org.modeldao.gateway.api.HttpFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The attacks of issue 11 item 1 over HTTP against a gateway whose audit log is on the machine's
 * PostgreSQL (which refuses NUL), written by a runtime role that may only append.
 */
class DecisionLogOverHttpPostgresIT extends GatewayOverHttp {

    static final String DATABASE = "gateway_http_audit_it_" + System.currentTimeMillis();
    static final String RUNTIME_ROLE = "gateway_http_runtime_it_" + System.currentTimeMillis();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        DecisionLogPostgresIT.admin("CREATE DATABASE " + DATABASE);
        DecisionLogPostgresIT.admin("CREATE ROLE " + RUNTIME_ROLE + " LOGIN");
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        registry.add("spring.datasource.username", () -> RUNTIME_ROLE);
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.placeholders.runtime_role", () -> RUNTIME_ROLE);
        registry.add("gateway.chain.state-file", () -> "target/audit-over-http-pg-state.json");
    }

    @AfterAll
    static void drop() throws Exception {
        DecisionLogPostgresIT.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        DecisionLogPostgresIT.admin("DROP ROLE IF EXISTS " + RUNTIME_ROLE);
    }

    @Autowired
    DecisionLog audit;
    @Autowired
    DecisionChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    HttpFixture.Reply infer(HttpFixture http, String version, String parameters, String inputName) {
        String body = HttpFixture.irisRequest("r", parameters, 5.1, 3.5, 1.4, 0.2).replace("\"input\"", inputName);
        return http.post("/v2/models/iris-audited-pg/versions/" + version + "/infer", body, null);
    }

    @Test
    void a_long_version_and_nul_characters_sent_over_http_do_not_stop_the_postgres_audit_log() throws Exception {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(RUNTIME_ROLE);
        HttpFixture http = new HttpFixture(port);
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-audited-pg");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        assertThat(infer(http, "v".repeat(250), "{}", "\"input\"").status()).isEqualTo(404);
        assertThat(infer(http, "1", "{\"purpose\": \"a\\u0000b\"}", "\"input\"").status()).isEqualTo(200);
        assertThat(infer(http, "1", "{}", "\"in\\u0000put\"").status()).isEqualTo(400);
        for (int i = 0; i < 1000; i++) {
            assertThat(infer(http, "1", "{}", "\"input\"").status()).isIn(200, 429);
        }
        audit.flush();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE model = 'iris-audited-pg'"
                + " AND kind IN ('INFERENCE', 'REFUSAL')", Long.class)).as("every call, besides the version's LOAD")
                .isEqualTo(1003);
        assertThat(audit.status().asciiOnlyEntries()).isZero();
        DecisionChainVerifier.Result result = verifier.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
