package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.decisions.DecisionChainVerifier;
import org.modeldao.gateway.decisions.DecisionLog;
import org.springframework.beans.factory.annotation.Autowired;

class OipApiIT extends GatewayOverHttp {

    static final String HOLDER = "0x00000000000000000000000000000000000000a1";
    static final String SMALL_HOLDER = "0x00000000000000000000000000000000000000b2";

    @Autowired
    DecisionLog decisions;
    @Autowired
    DecisionChainVerifier verifier;
    @TempDir
    Path dir;

    HttpFixture http;
    GovernanceFixture dao;
    String m;

    @BeforeEach
    void setUp(TestInfo test) {
        http = new HttpFixture(port);
        m = "iris-" + test.getTestMethod().orElseThrow().getName().hashCode();
        dao = new GovernanceFixture(dir, m);
        VOTES.put(HOLDER, BigInteger.valueOf(1000));
        VOTES.put(SMALL_HOLDER, BigInteger.valueOf(5));
    }

    void publishAndAwait(String... versions) throws InterruptedException {
        publishAndAwait(dao, versions);
    }

    HttpFixture.Reply infer(String path, String token, double... values) {
        return http.post(path, HttpFixture.irisRequest("req-1", "{}", values), token);
    }

    @Test
    void server_metadata_liveness_and_readiness_follow_the_protocol() throws Exception {
        dao.approveDemo("1");
        publishAndAwait("1");
        assertThat(http.get("/v2").json().get("name").asString()).isEqualTo("model-dao-gateway");
        assertThat(http.get("/v2/health/live").json().get("live").asBoolean()).isTrue();
        HttpFixture.Reply ready = http.get("/v2/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        // no chain configured in this test: serving works, but readiness says degraded
        assertThat(ready.json().get("status").asString()).isEqualTo("degraded");
    }

    @Test
    void metadata_declares_real_tensors_and_the_approval_behind_the_version() throws Exception {
        dao.approveDemo("2");
        publishAndAwait("2");
        HttpFixture.Reply meta = http.get("/v2/models/" + m + "/versions/2");
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().at("/inputs/0/name").asString()).isEqualTo("input");
        assertThat(meta.json().at("/inputs/0/datatype").asString()).isEqualTo("FP32");
        assertThat(meta.json().at("/inputs/0/shape").toString()).isEqualTo("[-1,4]");
        assertThat(meta.json().at("/outputs/0/shape").toString()).isEqualTo("[-1,3]");
        assertThat(meta.json().at("/outputs/1/name").asString()).isEqualTo("label");
        assertThat(meta.json().at("/parameters/artifact_sha256").asString()).isEqualTo(DemoModels.iris("2").artifactSha256());
        assertThat(meta.json().at("/parameters/approving_proposal_id").asString()).isEqualTo("1002");
    }

    @Test
    void inference_answers_with_outputs_id_and_provenance() throws Exception {
        dao.approveDemo("2");
        publishAndAwait("2");
        HttpFixture.Reply reply = infer("/v2/models/" + m + "/versions/2/infer", null, 5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json().get("id").asString()).isEqualTo("req-1");
        assertThat(reply.json().get("model_version").asString()).isEqualTo("2");
        assertThat(reply.json().at("/outputs/0/shape").toString()).isEqualTo("[2,3]");
        assertThat(reply.json().at("/outputs/0/datatype").asString()).isEqualTo("FP32");
        assertThat(reply.json().at("/outputs/1/data").toString()).isEqualTo("[\"setosa\",\"virginica\"]");
        assertThat(reply.json().at("/parameters/artifact_sha256").asString()).isEqualTo(DemoModels.iris("2").artifactSha256());
        assertThat(reply.json().at("/parameters/approval_transaction").asString()).startsWith("0x");
    }

    @Test
    void unversioned_calls_get_the_current_version_and_switch_when_the_alias_moves() throws Exception {
        dao.approveDemo("1");
        dao.approveDemo("2");
        dao.current("1");
        publishAndAwait("1", "2");
        String path = "/v2/models/" + m + "/infer";
        HttpFixture.Reply first = infer(path, null, 6.0, 2.9, 4.5, 1.5);
        assertThat(first.json().get("model_version").asString()).isEqualTo("1");
        dao.current("2");
        governance.publish(dao.snapshot());
        HttpFixture.Reply second = infer(path, null, 6.0, 2.9, 4.5, 1.5);
        assertThat(second.json().get("model_version").asString()).isEqualTo("2");
        assertThat(second.json().at("/outputs/0/data").toString()).isNotEqualTo(first.json().at("/outputs/0/data").toString());
    }

    @Test
    void a_revoked_version_answers_410_and_unknown_names_404() throws Exception {
        dao.approveDemo("1");
        publishAndAwait("1");
        dao.revoke("1", "found biased");
        governance.publish(dao.snapshot());
        HttpFixture.Reply gone = infer("/v2/models/" + m + "/versions/1/infer", null, 5.1, 3.5, 1.4, 0.2);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("error").asString()).contains("found biased");
        assertThat(http.get("/v2/models/" + m + "/versions/1").status()).isEqualTo(410);
        assertThat(infer("/v2/models/nope/infer", null, 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(404);
        assertThat(infer("/v2/models/" + m + "/versions/9/infer", null, 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(404);
        assertThat(http.get("/v2/models/nope").json().get("error").asString()).contains("unknown model");
    }

    @Test
    void malformed_or_mistyped_requests_get_clear_400s() throws Exception {
        dao.approveDemo("1");
        publishAndAwait("1");
        String path = "/v2/models/" + m + "/versions/1/infer";
        assertThat(http.post(path, "{not json", null).status()).isEqualTo(400);
        HttpFixture.Reply wrongType = http.post(path, """
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "INT64", "data": [1, 2, 3, 4]}]}""", null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("error").asString()).contains("must be FP32");
        HttpFixture.Reply wrongShape = http.post(path, """
                {"inputs": [{"name": "input", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}]}""", null);
        assertThat(wrongShape.json().get("error").asString()).contains("expects [-1, 4]");
        HttpFixture.Reply wrongLength = http.post(path, """
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""", null);
        assertThat(wrongLength.json().get("error").asString()).contains("needs 8");
        HttpFixture.Reply text = http.post(path, """
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": ["a", 2, 3, 4]}]}""", null);
        assertThat(text.status()).isEqualTo(400);
        HttpFixture.Reply unknownInput = http.post(path, """
                {"inputs": [{"name": "pixels", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""", null);
        assertThat(unknownInput.json().get("error").asString()).contains("unknown input pixels");
        assertThat(http.post(path, "{}", null).status()).isEqualTo(400);
        assertThat(http.post(path, "", null).json().get("error").asString()).startsWith("malformed JSON request");

        // what the lean infer path does not take goes the regular way, with the regular answers
        String body = HttpFixture.irisRequest("plain", "{}", 5.1, 3.5, 1.4, 0.2);
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + path);
        HttpFixture.Reply plainText = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.json().get("error").asString()).isEqualTo("send application/json");
        HttpFixture.Reply html = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(html.status()).isEqualTo(406);
        HttpFixture.Reply viaRegularPath = http.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").header("Accept", "application/json;q=0.9")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        HttpFixture.Reply viaLeanPath = http.post(path, body, null);
        assertThat(viaRegularPath.status()).isEqualTo(200);
        assertThat(viaLeanPath.status()).isEqualTo(200);
        assertThat(viaLeanPath.json()).isEqualTo(viaRegularPath.json());
        assertThat(headersBesidesDateAndFraming(viaLeanPath)).as("the lean path's headers are the regular path's")
                .isEqualTo(headersBesidesDateAndFraming(viaRegularPath));
    }

    /**
     * The headers a client acts on: the date differs by the clock, and the framing by design — the lean
     * path knows its body's length before it writes (Content-Length), MVC streams it (chunked).
     */
    private static Map<String, List<String>> headersBesidesDateAndFraming(HttpFixture.Reply reply) {
        Map<String, List<String>> headers = new TreeMap<>(reply.raw().headers().map());
        headers.keySet().removeAll(Set.of("date", "content-length", "transfer-encoding"));
        return headers;
    }

    @Test
    void oversized_bodies_are_refused_with_413() throws Exception {
        dao.approveDemo("1");
        publishAndAwait("1");
        double[] many = new double[4 * 2000];
        HttpFixture.Reply reply = infer("/v2/models/" + m + "/versions/1/infer", null, many);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asString()).contains("larger than");

        // without Content-Length (chunked), the limit bites while reading
        byte[] body = HttpFixture.irisRequest("big", "{}", many).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpFixture.Reply chunked = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/v2/models/" + m + "/versions/1/infer"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void token_holder_models_need_a_valid_token_and_enough_votes() throws Exception {
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.TOKEN_HOLDERS, 100, 100, 8, List.of(), "777"));
        publishAndAwait("1");
        String path = "/v2/models/" + m + "/versions/1/infer";

        HttpFixture.Reply anonymous = infer(path, null, 5.1, 3.5, 1.4, 0.2);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asString()).contains("TOKEN_HOLDERS").contains("777");
        assertThat(anonymous.json().at("/parameters/policy_proposal_id").asString()).isEqualTo("777");

        assertThat(infer(path, JWT.token(SMALL_HOLDER), 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(403);
        assertThat(infer(path, JWT.token(HOLDER), 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(200);

        HttpFixture.Reply forged = infer(path, JWT.forgedToken(HOLDER), 5.1, 3.5, 1.4, 0.2);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("error").asString()).contains("invalid bearer token");
        HttpFixture.Reply expired = infer(path, JWT.expiredToken(HOLDER), 5.1, 3.5, 1.4, 0.2);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("error").asString()).containsIgnoringCase("expired");
    }

    @Test
    void allow_list_models_serve_only_listed_accounts() throws Exception {
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.ALLOW_LIST, 0, 100, 8, List.of(HOLDER.toUpperCase()
                .replace("0X", "0x")), "778"));
        publishAndAwait("1");
        String path = "/v2/models/" + m + "/versions/1/infer";
        assertThat(infer(path, JWT.token(HOLDER), 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(200);
        HttpFixture.Reply other = infer(path, JWT.token(SMALL_HOLDER), 5.1, 3.5, 1.4, 0.2);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().at("/parameters/refusal").asString()).isEqualTo("not_allow_listed");
    }

    @Test
    void rate_and_batch_limits_refuse_with_429_and_413() throws Exception {
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 2, 2, List.of(), "779"));
        publishAndAwait("1");
        String path = "/v2/models/" + m + "/versions/1/infer";
        HttpFixture.Reply batch = infer(path, null, new double[4 * 3]);
        assertThat(batch.status()).isEqualTo(413);
        assertThat(batch.json().get("error").asString()).contains("779");
        assertThat(infer(path, null, 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(200);
        assertThat(infer(path, null, 5.1, 3.5, 1.4, 0.2).status()).isEqualTo(200);
        HttpFixture.Reply limited = infer(path, null, 5.1, 3.5, 1.4, 0.2);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().at("/parameters/policy").asString()).isEqualTo("PUBLIC");
    }

    @Test
    void ethical_constraints_withhold_output_with_422_and_changes_apply_without_restart() throws Exception {
        dao.approveDemo("2");
        dao.constraint(GovernanceFixture.constraint(11, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of(),
                "measurements are centimetres of a flower"));
        dao.constraint(GovernanceFixture.constraint(12, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0,
                List.of("virginica"), "virginica answers are under review"));
        publishAndAwait("2");
        String path = "/v2/models/" + m + "/versions/2/infer";

        HttpFixture.Reply range = infer(path, null, 5.1, 3.5, 1.4, 42);
        assertThat(range.status()).isEqualTo(422);
        assertThat(range.json().at("/parameters/constraint").asString()).isEqualTo("INPUT_RANGE#11");
        assertThat(range.json().at("/parameters/rationale").asString()).contains("centimetres");
        assertThat(range.json().at("/parameters/constraint_proposal_id").asString()).isEqualTo("50011");

        HttpFixture.Reply forbidden = infer(path, null, 6.7, 3.0, 5.2, 2.3);
        assertThat(forbidden.status()).isEqualTo(422);
        assertThat(forbidden.json().has("outputs")).isFalse();

        dao.removeConstraint(BigInteger.valueOf(12));
        dao.constraint(GovernanceFixture.constraint(13, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0,
                List.of("education"), "only for teaching"));
        governance.publish(dao.snapshot());
        assertThat(infer(path, null, 6.7, 3.0, 5.2, 2.3).json().at("/parameters/constraint").asString())
                .isEqualTo("ALLOWED_PURPOSES#13");
        HttpFixture.Reply withPurpose = http.post(path,
                HttpFixture.irisRequest("p", "{\"purpose\": \"education\"}", 6.7, 3.0, 5.2, 2.3), null);
        assertThat(withPurpose.status()).isEqualTo(200);
        assertThat(withPurpose.json().at("/outputs/1/data/0").asString()).isEqualTo("virginica");
    }

    @Test
    void below_minimum_confidence_the_model_abstains() throws Exception {
        dao.approveDemo("1");
        dao.constraint(GovernanceFixture.constraint(21, ConstraintKind.MIN_CONFIDENCE, "", 0.99, 0, List.of(),
                "no unsure answers"));
        publishAndAwait("1");
        HttpFixture.Reply reply = infer("/v2/models/" + m + "/versions/1/infer", null, 6.0, 2.9, 4.5, 1.5);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error").asString()).contains("abstains");
    }

    @Test
    void every_decision_lands_in_the_verifiable_decision_log_and_metrics() throws Exception {
        dao.approveDemo("1");
        publishAndAwait("1");
        infer("/v2/models/" + m + "/versions/1/infer", null, 5.1, 3.5, 1.4, 0.2);
        infer("/v2/models/" + m + "/versions/7/infer", null, 5.1, 3.5, 1.4, 0.2);
        decisions.flush();
        DecisionChainVerifier.Result result = verifier.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(3);

        String prometheus = http.get("/actuator/prometheus").raw().body();
        assertThat(prometheus).contains("gateway_inference_latency_seconds_bucket").contains("gateway_refusals_total")
                .contains("gateway_versions_loaded");
        assertThat(http.get("/v3/api-docs").raw().body()).contains("/v2/models/{model}/infer");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
