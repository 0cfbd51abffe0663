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

/** The attacks of issue 11 item 1 sent to a running gateway over HTTP, with its real decision writer on H2. */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:decision-log-over-http;DB_CLOSE_DELAY=-1",
        "gateway.chain.state-file=target/decision-log-over-http-state.json", "gateway.decision-log.stall-after=1s"})
class DecisionLogOverHttpIT extends GatewayOverHttp {

    @Autowired
    DecisionLog decisions;
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
        dao = new GovernanceFixture(dir, "iris-decided");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
    }

    HttpFixture.Reply infer(String version, String parameters, String inputName) {
        String body = HttpFixture.irisRequest("r", parameters, 5.1, 3.5, 1.4, 0.2).replace("\"input\"", inputName);
        return http.post("/v2/models/iris-decided/versions/" + version + "/infer", body, null);
    }

    /** Entries of calls only: the model's lifecycle (loaded, rechecked) may add entries of its own meanwhile. */
    long entriesOf(String model) {
        return jdbc.queryForObject("SELECT count(*) FROM decision_log WHERE model = ? AND kind IN ('INFERENCE', 'REFUSAL', 'VIOLATION', 'FAILURE')",
                Long.class, model);
    }

    /** In memory, H2 lists no page cache and a second WRITE_DELAY of its own (0): the one set is among them. */
    @Test
    void the_gateway_sets_h2s_store_for_its_decision_log() {
        assertThat(jdbc.queryForList("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                String.class)).contains(Integer.toString(H2LogStore.WRITE_DELAY_MS));
    }

    @Test
    void a_long_version_and_nul_characters_do_not_stop_the_decision_log_and_every_call_is_recorded() throws Exception {
        long before = entriesOf("iris-decided");
        assertThat(infer("v".repeat(250), "{}", "\"input\"").status()).isEqualTo(404);
        assertThat(infer("1", "{\"purpose\": \"a\\u0000b\"}", "\"input\"").status()).isEqualTo(200);
        assertThat(decisions.status().backlog()).isLessThan(10);
        assertThat(infer("1", "{}", "\"in\\u0000put\"").status()).isEqualTo(400);
        for (int i = 0; i < 1000; i++) {
            // served or, past the public model's rate limit, refused: either way recorded
            HttpFixture.Reply reply = infer("1", "{}", "\"input\"");
            assertThat(reply.status()).as(reply.raw().body()).isIn(200, 429);
        }
        decisions.flush();
        assertThat(entriesOf("iris-decided") - before).isEqualTo(1003);
        DecisionChainVerifier.Result result = verifier.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(decisions.status().backlog()).isZero();
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void readiness_goes_down_while_the_database_refuses_decision_log_writes_and_back_up_after() throws Exception {
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        jdbc.execute("ALTER TABLE decision_log RENAME TO decision_log_away");
        try {
            assertThat(infer("1", "{}", "\"input\"").status()).isIn(200, 429);
            DecisionFixture.await(() -> http.get("/actuator/health/readiness").status() == 503, Duration.ofSeconds(10),
                    "actuator readiness DOWN");
            assertThat(http.get("/v2/health/ready").status()).isEqualTo(503);
        } finally {
            jdbc.execute("ALTER TABLE decision_log_away RENAME TO decision_log");
        }
        DecisionFixture.await(() -> http.get("/actuator/health/readiness").status() == 200, Duration.ofSeconds(10),
                "actuator readiness UP again");
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
        decisions.flush();
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(http.get("/actuator/prometheus").raw().body()).contains("gateway_decision_log_backlog",
                "gateway_decision_log_write_failures_total", "gateway_decision_log_last_success_age_seconds");
    }
}
