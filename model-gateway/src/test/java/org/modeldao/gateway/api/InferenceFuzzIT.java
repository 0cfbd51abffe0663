package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GatewayApplication;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.GovernanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random tensors, shapes, datatypes, names, numbers and JSON structures against the whole
 * gateway over HTTP (real codec, validation, constraints, ONNX Runtime, decision log): every answer is
 * 200, 4xx or 503 — or the deliberate 502 for a model answer that is not finite — never a 500,
 * never a hang (each call has a 10 s deadline).
 */
class InferenceFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(InferenceFuzzIT.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LABELS = List.of("setosa", "versicolor", "virginica");
    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentSkipListMap<>();
    private static final AtomicInteger TRIES = new AtomicInteger();

    private static ConfigurableApplicationContext gateway;
    /**
     * Apache's blocking client, retries off (a retried call would be counted twice): the JDK client's
     * pooled-connection race (JDK-8357639, "header parser received no bytes") once failed a run of
     * BoundedMetricsIT, and the refusals here close connections just as often.
     */
    private static CloseableHttpClient client;
    private static String base;

    @BeforeContainer
    static void startGateway() throws Exception {
        Path dir = Files.createTempDirectory("gateway-fuzz");
        gateway = new SpringApplicationBuilder(GatewayApplication.class).properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1",
                "gateway.chain.state-file=" + dir.resolve("state.json"),
                "gateway.max-request-bytes=65536",
                // no token is ever verified here: a bearer token is not part of what is fuzzed
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/none").run();
        base = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
        client = HttpClients.custom().disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build()).build())
                .build();
        GovernanceFixture dao = new GovernanceFixture(dir, "iris");
        dao.approveDemo("1");
        dao.approveDemo("2");
        dao.current("2");
        dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, Integer.MAX_VALUE, 64, List.of(), "9"));
        dao.constraint(GovernanceFixture.constraint(1, ConstraintKind.MIN_CONFIDENCE, "", 0.6, 0, List.of(),
                "no unsure answers"));
        gateway.getBean(GovernanceState.class).publish(dao.snapshot());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!get("/v2/models/iris/versions/1/ready").contains("true")
                || !get("/v2/models/iris/versions/2/ready").contains("true")) {
            assertThat(System.nanoTime()).as("iris loads").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterContainer
    static void stopGateway() throws Exception {
        log.info(String.format("InferenceFuzzIT: %d tries, statuses %s%n", TRIES.get(), STATUSES).strip());
        if (client != null) {
            client.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE) // the extremes are listed in the generators
    void every_answer_is_200_4xx_or_503_never_a_500_nor_a_hang(@ForAll("paths") String path,
            @ForAll("bodies") String body) throws Exception {
        TRIES.incrementAndGet();
        Answer response = client.execute(ClassicRequestBuilder.post(base + path)
                .setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.create("application/json")))
                .build(), Answer::of);
        int status = response.status();
        STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        boolean modelFailure = status == 502 && response.body().contains("non-finite value");
        if (modelFailure) {
            log.info("InferenceFuzzIT: the model answered non-finite values (502) for " + body);
        }
        assertThat(status == 200 || (status >= 400 && status < 500) || status == 503 || modelFailure)
                .as("status %d for %s %s: %s", status, path, body, response.body()).isTrue();
        JsonNode json = JSON.readTree(response.body());
        if (status == 200) {
            for (JsonNode output : json.get("outputs")) {
                for (JsonNode value : output.get("data")) {
                    if ("label".equals(output.get("name").asString())) {
                        assertThat(LABELS).contains(value.asString());
                    } else {
                        assertThat(Double.isFinite(value.asDouble())).as("finite output %s", value).isTrue();
                    }
                }
            }
        } else {
            assertThat(json.get("error").asString()).as("every refusal says why").isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("/v2/models/iris/infer", "/v2/models/iris/versions/1/infer",
                        "/v2/models/iris/versions/2/infer")),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
                        .map(v -> "/v2/models/iris/versions/" + v + "/infer")),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30)
                        .map(m -> "/v2/models/" + m + "/infer")));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> inputs = Arbitraries.frequencyOf(Tuple.of(8, input().map(i -> "[" + i + "]")),
                Tuple.of(1, input().list().ofMinSize(0).ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")));
        Arbitrary<String> inputsField = Arbitraries.frequencyOf(
                Tuple.of(12, inputs),
                Tuple.of(1, input()),
                Tuple.of(1, Arbitraries.of("null", "[null]", "\"x\"", "{}", "42", "[[]]")));
        Arbitrary<String> outputs = Arbitraries.of("", "", "", "", "", ", \"outputs\": [{\"name\": \"label\"}]",
                ", \"outputs\": [{\"name\": \"output\"}, {\"name\": \"label\"}]", ", \"outputs\": [{\"name\": \"nope\"}]",
                ", \"outputs\": [null]", ", \"outputs\": [{}]", ", \"outputs\": {}", "", "");
        Arbitrary<String> parameters = Arbitraries.of("", "", "", "", ", \"parameters\": {\"purpose\": \"education\"}",
                ", \"parameters\": {\"purpose\": {\"a\": [1]}}", ", \"parameters\": []", ", \"parameters\": null",
                ", \"id\": 7", ", \"id\": \"r-1\"", "");
        Arbitrary<String> wellFormed = Combinators.combine(inputsField, outputs, parameters)
                .as((i, o, p) -> "{\"inputs\": " + i + o + p + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(20, wellFormed),
                // truncated, wrong top-level types, empty
                Tuple.of(2, Combinators.combine(wellFormed, Arbitraries.integers().between(0, 200))
                        .as((b, cut) -> b.substring(0, Math.min(cut, b.length())))),
                Tuple.of(1, Arbitraries.of("", "[]", "null", "\"inputs\"", "{\"inputs\": [", "{}}",
                        "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], \"datatype\": \"FP32\", \"data\": [1, 2, 3, 4]}]}")));
    }

    private Arbitrary<String> input() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("\"input\"")),
                Tuple.of(1, Arbitraries.of("\"\"", "null", "\"INPUT\"", "\"input \"", "7")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20).map(InferenceFuzzIT::quoted)));
        Arbitrary<String> datatype = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("\"FP32\"")),
                Tuple.of(4, Arbitraries.of("\"FP64\"", "\"INT32\"", "\"INT64\"", "\"BYTES\"", "\"BOOL\"",
                        "\"UINT8\"", "\"INT8\"", "\"FP16\"", "\"fp32\"", "\"\"", "null", "1")));
        Arbitrary<List<Long>> shape = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(0, 5).map(rows -> List.of(rows, 4L))),
                Tuple.of(2, Arbitraries.of(0L, 1L, 2L, 3L, 4L, 5L, 8L, -1L, 1L << 31, (1L << 62) + 1,
                        Long.MAX_VALUE).list().ofMinSize(0).ofMaxSize(4)));
        Arbitrary<String> clean = Arbitraries.doubles().between(-10, 10).map(d -> Double.toString(d));
        Arbitrary<String> wild = Arbitraries.frequencyOf(
                Tuple.of(10, clean),
                Tuple.of(3, Arbitraries.floats().map(f -> Float.toString(f))),
                Tuple.of(3, Arbitraries.doubles().map(d -> Double.toString(d))),
                Tuple.of(2, Arbitraries.longs().map(l -> Long.toString(l))),
                Tuple.of(3, Arbitraries.of("1e39", "-1e39", "3.4028235e38", "3.4028236e38", "-3.5e38",
                        "1e308", "1e309", "-1e400", "-0.0", "0", "4.9e-324", "1e-50", "9007199254740993",
                        "9223372036854775808", "-9223372036854775809", "2147483648", "123456789012345678901234567890",
                        "NaN", "Infinity", "\"1\"", "true", "null", "[]", "{}")));
        Arbitrary<List<String>> anyValues = Arbitraries.frequencyOf(Tuple.of(3, clean.list().ofMinSize(0)
                .ofMaxSize(24)), Tuple.of(1, wild.list().ofMinSize(0).ofMaxSize(24)));
        Arbitrary<String> data = Combinators.combine(anyValues, Arbitraries.of(false, true))
                .as((values, nested) -> {
                    if (!nested || values.size() % 4 != 0) {
                        return "[" + String.join(",", values) + "]";
                    }
                    StringBuilder rows = new StringBuilder("[");
                    for (int i = 0; i < values.size(); i += 4) {
                        rows.append(i == 0 ? "[" : ",[").append(String.join(",", values.subList(i, i + 4))).append(']');
                    }
                    return rows.append(']').toString();
                });
        Arbitrary<String> dataMatchingShape = shape.flatMap(dims -> {
            long count = 1;
            for (long d : dims) {
                count = d < 0 || d > 64 ? -1 : count * d;
                if (count < 0 || count > 64) {
                    count = -1;
                    break;
                }
            }
            int n = (int) count;
            Arbitrary<String> sized = count < 0 ? data
                    : Arbitraries.frequencyOf(Tuple.of(3, clean.list().ofSize(n)),
                            Tuple.of(1, wild.list().ofSize(n)))
                            .map(v -> "[" + String.join(",", v) + "]");
            return sized.map(d -> dims + "|" + d);
        });
        return Combinators.combine(name, datatype, dataMatchingShape, Arbitraries.integers().between(0, 19))
                .as((n, t, shapeAndData, variant) -> {
                    String dims = shapeAndData.substring(0, shapeAndData.indexOf('|'));
                    String d = shapeAndData.substring(shapeAndData.indexOf('|') + 1);
                    return switch (variant) {
                        case 0 -> "{\"name\": " + n + ", \"datatype\": " + t + ", \"data\": " + d + "}";
                        case 1 -> "{\"name\": " + n + ", \"shape\": \"" + dims + "\", \"datatype\": " + t + ", \"data\": "
                                + d + "}";
                        case 2 -> "{\"name\": " + n + ", \"shape\": " + dims + ", \"datatype\": " + t
                                + ", \"data\": \"" + d + "\"}";
                        default -> "{\"name\": " + n + ", \"shape\": " + dims + ", \"datatype\": " + t + ", \"data\": "
                                + d + ", \"parameters\": {}}";
                    };
                });
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String get(String path) throws Exception {
        return client.execute(ClassicRequestBuilder.get(base + path).build(), Answer::of).body();
    }

    private record Answer(int status, String body) {
        static Answer of(ClassicHttpResponse response) throws IOException, ParseException {
            return new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        }
    }
}
