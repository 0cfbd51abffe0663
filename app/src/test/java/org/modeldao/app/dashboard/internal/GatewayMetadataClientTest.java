package org.modeldao.app.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.app.dashboard.internal.LoopbackGateway.answer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modeldao.app.dashboard.GatewayProperties;
import org.modeldao.app.dashboard.GatewayReport;
import org.modeldao.app.dashboard.GatewayReport.Status;
import org.modeldao.app.support.SilentServer;

/**
 * The client against real sockets on loopback: answers shaped like the gateway's metadata (the
 * launcher's DaoStoriesBrowserIT reads the real gateway's), and gateways that misbehave — silent,
 * stalling mid-body, endless, absent. The page must get an answer for every model whatever happens.
 */
class GatewayMetadataClientTest {

    /** For the gateways that answer: generous, so a loaded machine does not turn an answer into "unreachable". */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** For the gateways that never finish: short, so the test sees the cut-off. */
    private static final Duration SILENCE_TIMEOUT = Duration.ofMillis(400);
    /** Above both timeouts: only a client that hangs would reach it. */
    private static final long NO_HANG_SECONDS = 30;

    private LoopbackGateway server;
    private SilentServer silent;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    @Test
    void each_state_the_gateway_names_is_reported_with_its_version_and_reason() throws Exception {
        server = new LoopbackGateway(Map.of(
                "/v2/models/iris", answer(200, "{\"name\":\"iris\",\"parameters\":{\"model_version\":\"2\",\"state\":\"ready\"}}"),
                "/v2/models/vad", answer(200, "{\"name\":\"vad\",\"parameters\":{\"model_version\":\"1\",\"state\":\"quarantined\","
                        + "\"quarantine_reason\":\"sha256 mismatch\\nsecond line\"}}"),
                "/v2/models/empty", answer(200, "{\"name\":\"empty\",\"parameters\":{\"state\":\"no_current_version\"}}"),
                "/v2/models/gone", answer(410, "{\"error\":\"gone/1 was revoked by the DAO: biased\",\"parameters\":{\"model_version\":\"1\"}}"),
                "/v2/models/new%20model", answer(404, "{\"error\":\"unknown model new model\"}")));

        Map<String, GatewayReport> reports = client(server.url()).reports(List.of("iris", "vad", "empty", "gone", "new model"))
                .get(NO_HANG_SECONDS, TimeUnit.SECONDS);

        assertThat(reports.keySet()).containsExactly("iris", "vad", "empty", "gone", "new model");
        assertThat(reports.get("iris")).isEqualTo(new GatewayReport(Status.READY, java.util.Optional.of("2"), ""));
        assertThat(reports.get("vad").status()).isEqualTo(Status.QUARANTINED);
        assertThat(reports.get("vad").detail()).isEqualTo("sha256 mismatch second line");
        assertThat(reports.get("empty").status()).isEqualTo(Status.NO_CURRENT_VERSION);
        assertThat(reports.get("gone").status()).isEqualTo(Status.REVOKED);
        assertThat(reports.get("gone").version()).contains("1");
        assertThat(reports.get("new model").status()).isEqualTo(Status.UNKNOWN_MODEL);
    }

    @Test
    void a_gateway_that_never_answers_is_reported_unreachable_once_the_timeout_passed() throws Exception {
        silent = new SilentServer();

        GatewayReport report = impatientClient("http://127.0.0.1:" + silent.port()).reports(List.of("iris"))
                .get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");

        assertThat(report.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(report.detail()).contains("no answer", "within 400 ms");
    }

    @Test
    void a_gateway_that_stalls_after_its_headers_is_cut_off_too() throws Exception {
        server = new LoopbackGateway(Map.of("/v2/models/iris", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"name\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep(Duration.ofSeconds(30));
        }));

        GatewayReport report = impatientClient(server.url()).reports(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");

        assertThat(report.status()).isEqualTo(Status.UNREACHABLE);
    }

    @Test
    void an_answer_longer_than_the_limit_is_not_kept() throws Exception {
        byte[] huge = ("{\"pad\":\"" + "x".repeat(GatewayExchange.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        server = new LoopbackGateway(Map.of("/v2/models/iris", exchange -> {
            exchange.sendResponseHeaders(200, huge.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(huge);
            } catch (IOException refusedByTheClient) {
                // expected: the client stops reading
            }
        }));

        GatewayReport report = client(server.url()).reports(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");

        assertThat(report.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(report.detail()).contains("longer than");
    }

    @Test
    void no_gateway_listening_and_no_gateway_configured_are_told_apart() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        GatewayReport refused = client("http://127.0.0.1:" + closedPort).reports(List.of("iris"))
                .get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");
        GatewayReport none = client("").reports(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");

        assertThat(refused.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(refused.detail()).contains("could not connect");
        assertThat(none.status()).isEqualTo(Status.NOT_CONFIGURED);
    }

    @Test
    void an_answer_that_is_not_json_is_unreadable_not_an_error_page() throws Exception {
        server = new LoopbackGateway(Map.of("/v2/models/iris", answer(502, "<html>Bad gateway</html>")));

        GatewayReport report = client(server.url()).reports(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");

        assertThat(report).isEqualTo(GatewayReport.of(Status.UNREADABLE, "HTTP 502 without a JSON body"));
    }

    private static GatewayMetadataClient client(String url) {
        return new GatewayMetadataClient(new GatewayProperties(url, ANSWER_TIMEOUT));
    }

    private static GatewayMetadataClient impatientClient(String url) {
        return new GatewayMetadataClient(new GatewayProperties(url, SILENCE_TIMEOUT));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
