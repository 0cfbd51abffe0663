package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.GatewayOverHttp;
import org.modeldao.gateway.api.HttpFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The attacks of issue 11 item 1 sent to a running gateway over HTTP, with its real audit writer on H2. */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:audit-over-http;DB_CLOSE_DELAY=-1",
        "gateway.chain.state-file=target/audit-over-http-state.json", "gateway.audit.stall-after=1s"})
class DecisionLogOverHttpIT extends GatewayOverHttp {

    @Autowired
    DecisionLog audit;
    @Autowired
    DecisionChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    HttpFixture http;
    GovernanceFixture dao;

    @BeforeEach
    void setUp() throws Exception {
        http = new HttpFixture(port);
        dao = new GovernanceFixture(dir, "iris-audited");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
    }

    HttpFixture.Reply infer(String version, String parameters, String inputName) {
        String body = HttpFixture.irisRequest("r", parameters, 5.1, 3.5, 1.4, 0.2).replace("\"input\"", inputName);
        return http.post("/v2/models/iris-audited/versions/" + version + "/infer", body, null);
    }

    /** Entries of calls only: the model's lifecycle (loaded, rechecked) may add entries of its own meanwhile. */
    long entriesOf(String model) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE model = ? AND kind IN ('INFERENCE', 'REFUSAL', 'VIOLATION', 'FAILURE')",
                Long.class, model);
    }

    @Test
    void a_long_version_and_nul_characters_do_not_stop_the_audit_log_and_every_call_is_recorded() throws Exception {
        long before = entriesOf("iris-audited");
        assertThat(infer("v".repeat(250), "{}", "\"input\"").status()).isEqualTo(404);
        assertThat(infer("1", "{\"purpose\": \"a\\u0000b\"}", "\"input\"").status()).isEqualTo(200);
        assertThat(audit.status().backlog()).isLessThan(10);
        assertThat(infer("1", "{}", "\"in\\u0000put\"").status()).isEqualTo(400);
        for (int i = 0; i < 1000; i++) {
            // served or, past the public model's rate limit, refused: either way recorded
            HttpFixture.Reply reply = infer("1", "{}", "\"input\"");
            assertThat(reply.status()).as(reply.raw().body()).isIn(200, 429);
        }
        audit.flush();
        assertThat(entriesOf("iris-audited") - before).isEqualTo(1003);
        DecisionChainVerifier.Result result = verifier.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(audit.status().backlog()).isZero();
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void readiness_goes_down_while_the_database_refuses_audit_writes_and_back_up_after() throws Exception {
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        jdbc.execute("ALTER TABLE audit_log RENAME TO audit_log_away");
        try {
            assertThat(infer("1", "{}", "\"input\"").status()).isIn(200, 429);
            DecisionFixture.await(() -> http.get("/actuator/health/readiness").status() == 503, Duration.ofSeconds(10),
                    "actuator readiness DOWN");
            assertThat(http.get("/v2/health/ready").status()).isEqualTo(503);
        } finally {
            jdbc.execute("ALTER TABLE audit_log_away RENAME TO audit_log");
        }
        DecisionFixture.await(() -> http.get("/actuator/health/readiness").status() == 200, Duration.ofSeconds(10),
                "actuator readiness UP again");
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
        audit.flush();
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(http.get("/actuator/prometheus").raw().body()).contains("gateway_audit_backlog",
                "gateway_audit_write_failures_total", "gateway_audit_last_success_age_seconds");
    }
}
