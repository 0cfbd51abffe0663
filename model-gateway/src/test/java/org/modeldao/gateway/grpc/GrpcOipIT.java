package org.modeldao.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.GatewayOverHttp;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.decisions.DecisionChainVerifier;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.grpc.v2.InferParameter;
import org.modeldao.gateway.grpc.v2.InferTensorContents;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;
import org.modeldao.gateway.grpc.v2.ModelMetadataRequest;
import org.modeldao.gateway.grpc.v2.ModelMetadataResponse;
import org.modeldao.gateway.grpc.v2.ModelReadyRequest;
import org.modeldao.gateway.grpc.v2.ServerLiveRequest;
import org.modeldao.gateway.grpc.v2.ServerMetadataRequest;
import org.modeldao.gateway.grpc.v2.ServerReadyRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OIP v2 over gRPC against the whole gateway (real DJL ONNX Runtime, real decision writer, tokens
 * from a JWKS over HTTP), called by a grpc-java client on a real Netty port on 127.0.0.1. Every
 * refusal is checked against what the same call gets over HTTP: same words, its gRPC status.
 */
class GrpcOipIT extends GatewayOverHttp {

    static final String HOLDER = "0x00000000000000000000000000000000000000c1";
    static final String SMALL_HOLDER = "0x00000000000000000000000000000000000000d2";
    static final double[] SETOSA = {5.1, 3.5, 1.4, 0.2};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GrpcServer grpcServer;
    @Autowired
    DecisionLog decisions;
    @Autowired
    DecisionChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    GrpcFixture grpc;
    HttpFixture http;
    GovernanceFixture dao;
    String m;

    @BeforeEach
    void setUp(TestInfo test) {
        grpc = new GrpcFixture(grpcServer.port());
        http = new HttpFixture(port);
        m = "iris-grpc-" + Integer.toHexString(test.getTestMethod().orElseThrow().getName().hashCode());
        dao = new GovernanceFixture(dir, m);
        VOTES.put(HOLDER, BigInteger.valueOf(1000));
        VOTES.put(SMALL_HOLDER, BigInteger.valueOf(5));
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    ModelInferResponse infer(String bearer, ModelInferRequest.Builder request) {
        return grpc.stub(bearer).modelInfer(request.build());
    }

    StatusRuntimeException refused(Supplier<?> call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::get);
        assertThat(e).as("the call is refused").isNotNull();
        return e;
    }

    /** The gRPC refusal says what HTTP says for the same call, under the mapped status. */
    void assertSameRefusal(StatusRuntimeException grpcRefusal, Status.Code code, HttpFixture.Reply httpReply, int httpStatus) {
        assertThat(httpReply.status()).as(httpReply.raw().body()).isEqualTo(httpStatus);
        assertThat(grpcRefusal.getStatus().getCode()).as(grpcRefusal.toString()).isEqualTo(code);
        assertThat(grpcRefusal.getStatus().getDescription()).isEqualTo(httpReply.json().get("error").asString());
    }

    HttpFixture.Reply httpInfer(String version, String bearer, double... values) {
        String path = "/v2/models/" + m + (version.isEmpty() ? "" : "/versions/" + version) + "/infer";
        return http.post(path, HttpFixture.irisRequest("req-1", "{}", values), bearer);
    }

    static JsonNode parameters(StatusRuntimeException e) {
        byte[] json = e.getTrailers().get(GrpcStatuses.PARAMETERS);
        assertThat(json).as("error-parameters-bin trailer").isNotNull();
        return JSON.readTree(new String(json, StandardCharsets.UTF_8));
    }

    long callEntries(String caller) throws InterruptedException {
        decisions.flush();
        return jdbc.queryForObject("SELECT count(*) FROM decision_log WHERE model = ? AND caller = ?"
                + " AND kind IN ('INFERENCE', 'REFUSAL', 'VIOLATION', 'FAILURE')", Long.class, m, caller);
    }

    @Test
    void live_ready_and_metadata_answer_like_the_rest_api() throws Exception {
        dao.approveDemo("2");
        publishAndAwait(dao, "2");
        var stub = grpc.stub(null);
        assertThat(stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady())
                .isEqualTo(http.get("/v2/health/ready").json().get("ready").asBoolean()).isTrue();
        assertThat(stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName()).isEqualTo("model-dao-gateway");
        assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName(m).setVersion("2").build()).getReady()).isTrue();

        ModelMetadataResponse meta = stub.modelMetadata(ModelMetadataRequest.newBuilder().setName(m).setVersion("2").build());
        assertThat(meta.getPlatform()).isEqualTo("onnxruntime_onnx");
        assertThat(meta.getVersionsList()).containsExactly("2");
        assertThat(meta.getInputs(0).getName()).isEqualTo("input");
        assertThat(meta.getInputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(meta.getInputs(0).getShapeList()).containsExactly(-1L, 4L);
        assertThat(meta.getOutputs(1).getName()).isEqualTo("label");

        StatusRuntimeException unknown = refused(() -> stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("nope-grpc").build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).isEqualTo(http.get("/v2/models/nope-grpc").json().get("error").asString());
    }

    @Test
    void inference_answers_with_outputs_id_and_the_same_provenance_as_http() throws Exception {
        dao.approveDemo("2");
        publishAndAwait(dao, "2");
        ModelInferResponse reply = infer(null, GrpcFixture.iris(m, "2", 5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3));

        assertThat(reply.getId()).isEqualTo("req-1");
        assertThat(reply.getModelName()).isEqualTo(m);
        assertThat(reply.getModelVersion()).isEqualTo("2");
        assertThat(reply.getOutputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(reply.getOutputs(0).getShapeList()).containsExactly(2L, 3L);
        assertThat(reply.getOutputs(0).getContents().getFp32ContentsCount()).isEqualTo(6);
        assertThat(reply.getOutputs(1).getName()).isEqualTo("label");
        assertThat(reply.getOutputs(1).getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
                .containsExactly("setosa", "virginica");

        HttpFixture.Reply overHttp = httpInfer("2", null, 5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3);
        assertThat(reply.getParametersOrThrow("artifact_sha256").getStringParam()).isEqualTo(DemoModels.iris("2").artifactSha256());
        assertThat(asText(reply.getParametersMap())).isEqualTo(asText(overHttp.json().get("parameters")));
        List<Float> httpProbabilities = overHttp.json().at("/outputs/0/data").valueStream()
                .map(n -> (float) n.asDouble()).toList();
        assertThat(reply.getOutputs(0).getContents().getFp32ContentsList()).containsExactlyElementsOf(httpProbabilities);
    }

    @Test
    void raw_little_endian_inputs_are_answered_in_raw_outputs_with_the_same_values() throws Exception {
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        ModelInferResponse typed = infer(null, GrpcFixture.iris(m, "1", 6.0, 2.9, 4.5, 1.5));
        ModelInferResponse raw = infer(null, GrpcFixture.irisRaw(m, "1", 6.0, 2.9, 4.5, 1.5));

        assertThat(raw.getId()).isEqualTo("req-raw");
        assertThat(raw.getRawOutputContentsCount()).isEqualTo(2);
        assertThat(raw.getOutputs(0).hasContents()).isFalse();
        ByteBuffer probabilities = raw.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        for (float expected : typed.getOutputs(0).getContents().getFp32ContentsList()) {
            assertThat(probabilities.getFloat()).isEqualTo(expected);
        }
        assertThat(probabilities.hasRemaining()).isFalse();
        ByteBuffer label = raw.getRawOutputContents(1).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = new byte[label.getInt()];
        label.get(text);
        assertThat(new String(text, StandardCharsets.UTF_8))
                .isEqualTo(typed.getOutputs(1).getContents().getBytesContents(0).toStringUtf8());
    }

    @Test
    void token_refusals_have_the_http_words_and_their_grpc_status() throws Exception {
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.TOKEN_HOLDERS, 100, 100, 8, List.of(), "877"));
        publishAndAwait(dao, "1");

        StatusRuntimeException anonymous = refused(() -> infer(null, GrpcFixture.iris(m, "1", SETOSA)));
        assertSameRefusal(anonymous, Status.Code.UNAUTHENTICATED, httpInfer("1", null, SETOSA), 401);
        assertThat(parameters(anonymous).get("policy_proposal_id").asString()).isEqualTo("877");
        assertThat(parameters(anonymous).get("artifact_sha256").asString()).isEqualTo(DemoModels.iris("1").artifactSha256());

        String small = JWT.token(SMALL_HOLDER);
        assertSameRefusal(refused(() -> infer(small, GrpcFixture.iris(m, "1", SETOSA))), Status.Code.PERMISSION_DENIED,
                httpInfer("1", small, SETOSA), 403);

        String forged = JWT.forgedToken(HOLDER);
        StatusRuntimeException forgedRefusal = refused(() -> infer(forged, GrpcFixture.iris(m, "1", SETOSA)));
        assertSameRefusal(forgedRefusal, Status.Code.UNAUTHENTICATED, httpInfer("1", forged, SETOSA), 401);
        assertThat(forgedRefusal.getStatus().getDescription()).startsWith("invalid bearer token: ");

        String expired = JWT.expiredToken(HOLDER);
        StatusRuntimeException expiredRefusal = refused(() -> infer(expired, GrpcFixture.iris(m, "1", SETOSA)));
        assertSameRefusal(expiredRefusal, Status.Code.UNAUTHENTICATED, httpInfer("1", expired, SETOSA), 401);
        assertThat(expiredRefusal.getStatus().getDescription()).containsIgnoringCase("expired");

        String holder = JWT.token(HOLDER);
        JWT.revoke(holder);
        awaitRevoked(holder);
        assertSameRefusal(refused(() -> infer(holder, GrpcFixture.iris(m, "1", SETOSA))), Status.Code.UNAUTHENTICATED,
                httpInfer("1", holder, SETOSA), 401);

        String noAccount = JWT.token("not-an-address");
        assertSameRefusal(refused(() -> infer(noAccount, GrpcFixture.iris(m, "1", SETOSA))), Status.Code.INVALID_ARGUMENT,
                httpInfer("1", noAccount, SETOSA), 400);

        var malformed = grpc.stub(null).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                GrpcFixture.authorization("Bearer not a token")));
        StatusRuntimeException malformedRefusal = refused(() -> malformed.modelInfer(GrpcFixture.iris(m, "1", SETOSA).build()));
        assertThat(malformedRefusal.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(malformedRefusal.getStatus().getDescription()).isEqualTo("invalid bearer token: Bearer token is malformed");

        ModelInferResponse served = infer(JWT.token(HOLDER), GrpcFixture.iris(m, "1", SETOSA));
        assertThat(served.getParametersOrThrow("approving_proposal_id").getStringParam()).isEqualTo("1001");
    }

    private void awaitRevoked(String token) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (httpInfer("1", token, SETOSA).status() != 401) {
            assertThat(System.currentTimeMillis()).as("the revocation reaches the gateway").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void serving_refusals_have_the_http_words_and_their_grpc_status() throws Exception {
        dao.approveDemo("1");
        DemoModel two = DemoModels.iris("2");
        DemoModel.WrittenFiles files = two.writeTo(dir.resolve("two"));
        dao.approve(m, "2", "00".repeat(32), files.artifact().toUri().toString(), two.cardSha256(),
                files.card().toUri().toString());
        publishAndAwait(dao, "1");
        awaitState("2", "quarantined");

        assertSameRefusal(refused(() -> infer(null, GrpcFixture.iris(m, "2", SETOSA))), Status.Code.FAILED_PRECONDITION,
                httpInfer("2", null, SETOSA), 409);
        assertSameRefusal(refused(() -> infer(null, GrpcFixture.iris(m, "9", SETOSA))), Status.Code.NOT_FOUND,
                httpInfer("9", null, SETOSA), 404);
        assertSameRefusal(refused(() -> infer(null, GrpcFixture.iris("nope-grpc", "", SETOSA))), Status.Code.NOT_FOUND,
                http.post("/v2/models/nope-grpc/infer", HttpFixture.irisRequest("r", "{}", SETOSA), null), 404);
        assertSameRefusal(refused(() -> infer(null, GrpcFixture.iris(m, "", SETOSA))), Status.Code.UNAVAILABLE,
                httpInfer("", null, SETOSA), 503);

        dao.revoke("1", "found biased");
        governance.publish(dao.snapshot());
        StatusRuntimeException revoked = refused(() -> infer(null, GrpcFixture.iris(m, "1", SETOSA)));
        assertSameRefusal(revoked, Status.Code.FAILED_PRECONDITION, httpInfer("1", null, SETOSA), 410);
        assertThat(revoked.getStatus().getDescription()).contains("found biased");
        assertThat(parameters(revoked).get("revoking_proposal_id").asString()).isEqualTo("3001");
    }

    private void awaitState(String version, String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!state.equals(http.get("/v2/models/" + m + "/versions/" + version).json().at("/parameters/state").asString())) {
            assertThat(System.currentTimeMillis()).as("version %s becomes %s", version, state).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void rate_and_batch_limits_are_shared_with_http_and_refuse_with_resource_exhausted() throws Exception {
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 2, 2, List.of(), "879"));
        publishAndAwait(dao, "1");

        StatusRuntimeException batch = refused(() -> infer(null, GrpcFixture.iris(m, "1", new double[4 * 3])));
        assertSameRefusal(batch, Status.Code.RESOURCE_EXHAUSTED, httpInfer("1", null, new double[4 * 3]), 413);

        assertThat(httpInfer("1", null, SETOSA).status()).isEqualTo(200);
        infer(null, GrpcFixture.iris(m, "1", SETOSA));
        // the voted 2 a minute hold for the caller whatever the protocol: the third call is refused
        StatusRuntimeException limited = refused(() -> infer(null, GrpcFixture.iris(m, "1", SETOSA)));
        assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(limited.getStatus().getDescription()).contains("anon:127.0.0.1").contains("879");
        assertThat(Long.parseLong(limited.getTrailers().get(GrpcStatuses.RETRY_AFTER))).isPositive();
        assertThat(parameters(limited).get("refusal").asString()).isEqualTo("rate_limited");
        assertThat(httpInfer("1", null, SETOSA).status()).isEqualTo(429);
    }

    @Test
    void ethical_constraints_refuse_with_invalid_argument_and_a_declared_purpose_is_read() throws Exception {
        dao.approveDemo("2");
        dao.constraint(GovernanceFixture.constraint(31, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of(),
                "measurements are centimetres of a flower"));
        dao.constraint(GovernanceFixture.constraint(33, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0,
                List.of("education"), "only for teaching"));
        publishAndAwait(dao, "2");

        StatusRuntimeException range = refused(() -> infer(null, GrpcFixture.iris(m, "2", 5.1, 3.5, 1.4, 42)
                .putParameters("purpose", GrpcFixture.text("education"))));
        assertSameRefusal(range, Status.Code.INVALID_ARGUMENT, http.post("/v2/models/" + m + "/versions/2/infer",
                HttpFixture.irisRequest("r", "{\"purpose\": \"education\"}", 5.1, 3.5, 1.4, 42), null), 422);
        assertThat(parameters(range).get("constraint").asString()).isEqualTo("INPUT_RANGE#31");
        assertThat(parameters(range).get("constraint_proposal_id").asString()).isEqualTo("50031");

        StatusRuntimeException noPurpose = refused(() -> infer(null, GrpcFixture.iris(m, "2", SETOSA)));
        assertThat(parameters(noPurpose).get("constraint").asString()).isEqualTo("ALLOWED_PURPOSES#33");
        ModelInferResponse served = infer(null, GrpcFixture.iris(m, "2", SETOSA)
                .putParameters("purpose", GrpcFixture.text("education")));
        assertThat(served.getOutputs(1).getContents().getBytesContents(0).toStringUtf8()).isEqualTo("setosa");
    }

    @Test
    void malformed_tensors_are_refused_with_invalid_argument_and_reach_no_model() throws Exception {
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        ModelInferRequest.InferInputTensor input = GrpcFixture.iris(m, "1", SETOSA).getInputs(0);

        Map<String, ModelInferRequest.Builder> malformed = new TreeMap<>();
        malformed.put("not a whole number of FP32 values", GrpcFixture.irisRaw(m, "1", SETOSA)
                .setRawInputContents(0, ByteString.copyFrom(new byte[15])));
        malformed.put("it needs one per input", GrpcFixture.irisRaw(m, "1", SETOSA)
                .addRawInputContents(ByteString.copyFrom(new byte[16])));
        malformed.put("use one or the other", GrpcFixture.irisRaw(m, "1", SETOSA)
                .setInputs(0, input));
        malformed.put("its values belong in fp32_contents", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setContents(InferTensorContents.newBuilder().addIntContents(5)
                        .addIntContents(3).addIntContents(1).addIntContents(0))));
        malformed.put("shape dimensions must be non-negative", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setShape(0, -1)));
        malformed.put("unsupported datatype FP16", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setDatatype("FP16")));
        malformed.put("BYTES inputs are not supported", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setDatatype("BYTES")));
        malformed.put("every input needs a name", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setName("")));
        malformed.put("beyond ±2^53", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setDatatype("INT64").setContents(InferTensorContents.newBuilder()
                        .addInt64Contents(1).addInt64Contents(2).addInt64Contents(3).addInt64Contents((1L << 53) + 1))));
        malformed.put("every requested output needs a name", GrpcFixture.iris(m, "1", SETOSA)
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder()));
        malformed.put("needs 8", GrpcFixture.iris(m, "1", SETOSA).setInputs(0,
                input.toBuilder().setShape(0, 2)));
        malformed.put("is not a finite number", GrpcFixture.irisRaw(m, "1", 5.1, 3.5, Double.NaN, 0.2));
        malformed.put("must be FP32", GrpcFixture.iris(m, "1").clearInputs()
                .addInputs(input.toBuilder().setDatatype("FP64").setContents(InferTensorContents.newBuilder()
                        .addFp64Contents(5.1).addFp64Contents(3.5).addFp64Contents(1.4).addFp64Contents(0.2))));

        malformed.forEach((expected, request) -> {
            StatusRuntimeException e = refused(() -> infer(null, request));
            assertThat(e.getStatus().getCode()).as(expected).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).as(expected).contains(expected);
        });
        assertThat(infer(null, GrpcFixture.iris(m, "1", SETOSA)).getOutputs(1).getContents().getBytesContents(0)
                .toStringUtf8()).isEqualTo("setosa");
        // refused while the request was read (no call yet) or by the pipeline's validation: each counted for the model
        JsonNode traffic = http.get("/governance/models/" + m + "/traffic").json();
        assertThat(traffic.at("/since_start/refused_by_category/validation").asLong()).isEqualTo(malformed.size());
        assertThat(traffic.at("/since_start/refused").asLong()).isEqualTo(malformed.size());
    }

    @Test
    void a_message_over_the_request_limit_is_refused_before_it_is_read() throws Exception {
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        // 8,000 floats: 32 KB, over this context's gateway.max-request-bytes of 20,000
        StatusRuntimeException tooLarge = refused(() -> infer(null, GrpcFixture.iris(m, "1", new double[4 * 2000])));
        assertThat(tooLarge.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(tooLarge.getStatus().getDescription()).contains("20000");
        assertThat(callEntries("anon:127.0.0.1")).as("nothing reached the pipeline").isZero();
        assertThat(infer(null, GrpcFixture.iris(m, "1", SETOSA)).getModelVersion()).isEqualTo("1");
    }

    @Test
    void every_call_leaves_one_decision_with_its_caller_in_the_verifiable_log() throws Exception {
        dao.approveDemo("1");
        dao.constraint(GovernanceFixture.constraint(41, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0,
                List.of("virginica"), "virginica answers are under review"));
        publishAndAwait(dao, "1");
        long anonymousBefore = callEntries("anon:127.0.0.1");
        long holderBefore = callEntries(HOLDER);

        infer(null, GrpcFixture.iris(m, "1", SETOSA));
        infer(JWT.token(HOLDER), GrpcFixture.iris(m, "1", SETOSA));
        refused(() -> infer(null, GrpcFixture.iris(m, "1", 6.7, 3.0, 5.2, 2.3)));
        refused(() -> infer(null, GrpcFixture.iris(m, "7", SETOSA)));

        // served, violated, unknown version: each call its entry, under the caller the transport and token name
        assertThat(callEntries("anon:127.0.0.1") - anonymousBefore).isEqualTo(3);
        assertThat(callEntries(HOLDER) - holderBefore).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_log WHERE model = ? AND kind = 'VIOLATION'",
                Long.class, m)).isEqualTo(1);
        DecisionChainVerifier.Result result = verifier.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
    }

    /** Response parameters as text, whatever their type: the same keys and values as the HTTP JSON's. */
    private static Map<String, String> asText(Map<String, InferParameter> parameters) {
        Map<String, String> text = new TreeMap<>();
        parameters.forEach((key, value) -> text.put(key, switch (value.getParameterChoiceCase()) {
            case STRING_PARAM -> value.getStringParam();
            case INT64_PARAM -> Long.toString(value.getInt64Param());
            case BOOL_PARAM -> Boolean.toString(value.getBoolParam());
            default -> value.toString();
        }));
        return text;
    }

    private static Map<String, String> asText(JsonNode parameters) {
        Map<String, String> text = new TreeMap<>();
        parameters.properties().forEach(e -> text.put(e.getKey(), e.getValue().asString()));
        return text;
    }
}
