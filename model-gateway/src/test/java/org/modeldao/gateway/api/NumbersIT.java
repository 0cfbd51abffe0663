package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.decisions.DecisionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Numbers a datatype cannot hold are refused; a model that answers NaN is a failed inference, not a label. */
class NumbersIT extends GatewayOverHttp {

    private static final Logger log = LoggerFactory.getLogger(NumbersIT.class);

    @TempDir
    Path dir;
    @Autowired
    DecisionLog audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fp32_values_beyond_the_type_are_refused_with_400_naming_input_and_index() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-numbers-in");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        HttpFixture http = new HttpFixture(port);
        HttpFixture.Reply reply = http.post("/v2/models/iris-numbers-in/versions/1/infer", """
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1e39, -1e39, 1e39, -1e39]}]}""",
                null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).contains("input input value at index 0")
                .contains("FP32 range");
        assertThat(reply.raw().body()).doesNotContain("virginica").doesNotContain("outputs");
        HttpFixture.Reply later = http.post("/v2/models/iris-numbers-in/versions/1/infer", """
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32", "data": [[1, 2, 3, 4], [5, 6, 7, 1e300]]}]}""",
                null);
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().get("error").asString()).contains("index 7");
    }

    @Test
    void a_model_answering_nan_is_a_failed_inference_with_502_audited_and_without_a_label() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-numbers-out");
        dao.approveDemo("1");
        // a minimum confidence must not let a NaN answer through either
        dao.constraint(GovernanceFixture.constraint(31, ConstraintKind.MIN_CONFIDENCE, "", 0.5, 0, List.of(),
                "no unsure answers"));
        publishAndAwait(dao, "1");
        HttpFixture http = new HttpFixture(port);
        int failed = 0;
        // every value is a finite FP32, but the model's own arithmetic overflows on some sign patterns
        for (int signs = 0; signs < 16; signs++) {
            StringBuilder row = new StringBuilder();
            for (int f = 0; f < 4; f++) {
                row.append(f == 0 ? "" : ", ").append((signs >> f & 1) == 0 ? "3.4e38" : "-3.4e38");
            }
            HttpFixture.Reply reply = http.post("/v2/models/iris-numbers-out/versions/1/infer", """
                    {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [%s]}]}""".formatted(row),
                    null);
            assertThat(reply.status()).as(reply.raw().body()).isIn(200, 422, 502);
            if (reply.status() == 502) {
                failed++;
                assertThat(reply.json().get("error").asString()).contains("non-finite value").contains("output");
                assertThat(reply.json().at("/parameters/failure").asString()).isEqualTo("non_finite_output");
                assertThat(reply.raw().body()).doesNotContain("outputs").doesNotContain("setosa")
                        .doesNotContain("versicolor").doesNotContain("virginica");
            }
        }
        assertThat(failed).as("sign patterns on which the model answers NaN").isPositive();
        audit.flush();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE kind = 'FAILURE' AND model = ?"
                + " AND outcome = 'non_finite_output'", Long.class, "iris-numbers-out")).isEqualTo(failed);
        log.info("NumbersIT: the model answered NaN for " + failed + " of 16 sign patterns of ±3.4e38");
    }
}
