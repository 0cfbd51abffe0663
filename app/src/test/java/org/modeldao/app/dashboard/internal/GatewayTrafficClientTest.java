package org.modeldao.app.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.app.dashboard.internal.LoopbackGateway.answer;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modeldao.app.dashboard.GatewayProperties;
import org.modeldao.app.dashboard.GatewayTraffic;
import org.modeldao.app.dashboard.GatewayTraffic.RefusalKind;
import org.modeldao.app.dashboard.GatewayTraffic.Status;
import org.modeldao.app.support.SilentServer;

/**
 * The traffic client against real sockets on loopback: answers shaped like the gateway's summary (the gateway's
 * TrafficSummaryIT checks that shape over its real HTTP; the launcher's DaoStoriesBrowserIT shows the real one),
 * and hostile ones — oversized, negative, fractional, non-numeric, inconsistent, silent. Nothing of those is shown.
 */
class GatewayTrafficClientTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final long NO_HANG_SECONDS = 30;
    private static final String STARTED = "2026-12-06T05:00:00Z";

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
    void the_summary_is_read_per_model_with_its_refusals_by_kind() throws Exception {
        server = new LoopbackGateway(Map.of("/governance/models/iris/traffic", answer(200, summary("1234", "12",
                        "{\"access_policy\":10,\"rate_limit\":0,\"ethical_constraint\":2,\"validation\":0,\"unavailable\":0,"
                                + "\"model_failure\":0,\"a_kind_added_later\":0}")),
                "/governance/models/new%20model/traffic", answer(404, "{\"error\":\"unknown model new model\"}")));

        Map<String, GatewayTraffic> traffic = client(server.url()).traffic(List.of("iris", "new model")).get(NO_HANG_SECONDS, TimeUnit.SECONDS);

        assertThat(traffic.keySet()).containsExactly("iris", "new model");
        GatewayTraffic iris = traffic.get("iris");
        assertThat(iris.status()).isEqualTo(Status.COUNTED);
        GatewayTraffic.Counts hour = iris.lastHour().orElseThrow();
        assertThat(hour.served()).isEqualTo(1234);
        assertThat(hour.refused()).isEqualTo(12);
        assertThat(hour.refusedBy()).containsEntry(RefusalKind.ACCESS_POLICY, 10L).containsEntry(RefusalKind.ETHICAL_CONSTRAINT, 2L);
        assertThat(hour.from()).isEqualTo(Instant.parse(STARTED));
        assertThat(iris.sinceStart().orElseThrow().served()).isEqualTo(1234);
        assertThat(traffic.get("new model").status()).isEqualTo(Status.UNKNOWN_MODEL);
    }

    @Test
    void negative_fractional_textual_huge_or_missing_counts_are_unreadable() throws Exception {
        Map<String, String> hostile = Map.of(
                "negative", summary("-1", "0", "{}"),
                "fraction", summary("1.5", "0", "{}"),
                "text", summary("\"1,234\"", "0", "{}"),
                "huge", summary("1e300", "0", "{}"),
                "beyond", summary("9007199254740993", "0", "{}"),
                "missing", "{\"last_hour\":{\"from\":\"" + STARTED + "\",\"refused\":0},\"since_start\":{}}",
                "kinds", summary("5", "1", "{\"access_policy\":1,\"rate_limit\":1}"),
                "kind", summary("5", "1", "{\"access_policy\":-1}"),
                "time", summary("5", "0", "{}").replace(STARTED, "yesterday\\u0007\\nat noon"));
        Map<String, HttpHandler> handlers = new HashMap<>();
        hostile.forEach((model, json) -> handlers.put("/governance/models/" + model + "/traffic", answer(200, json)));
        server = new LoopbackGateway(handlers);

        Map<String, GatewayTraffic> traffic = client(server.url()).traffic(List.copyOf(hostile.keySet())).get(NO_HANG_SECONDS, TimeUnit.SECONDS);

        traffic.forEach((model, answer) -> {
            assertThat(answer.status()).as(model).isEqualTo(Status.UNREADABLE);
            assertThat(answer.lastHour()).as(model).isEmpty();
            assertThat(answer.detail()).as(model).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThanOrEqualTo(301);
        });
        assertThat(traffic.get("kinds").detail()).contains("add up to 2, more than the 1 refused");
        assertThat(traffic.get("negative").detail()).contains("served is not a count: -1");
    }

    @Test
    void an_oversized_answer_is_dropped_and_a_silent_gateway_cut_off() throws Exception {
        byte[] huge = summary("1", "0", "{\"pad\":\"" + "x".repeat(GatewayExchange.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        server = new LoopbackGateway(Map.of("/governance/models/iris/traffic", exchange -> {
            exchange.sendResponseHeaders(200, huge.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(huge);
            } catch (IOException refusedByTheClient) {
                // expected: the client stops reading
            }
        }));
        silent = new SilentServer();

        GatewayTraffic oversized = client(server.url()).traffic(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");
        GatewayTraffic unanswered = new GatewayTrafficClient(new GatewayProperties("http://127.0.0.1:" + silent.port(),
                Duration.ofMillis(400))).traffic(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");

        assertThat(oversized.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(oversized.detail()).contains("longer than");
        assertThat(unanswered.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(unanswered.detail()).contains("no answer", "within 400 ms");
    }

    @Test
    void no_gateway_configured_asks_nothing() throws Exception {
        GatewayTraffic none = client("").traffic(List.of("iris")).get(NO_HANG_SECONDS, TimeUnit.SECONDS).get("iris");
        assertThat(none).isEqualTo(GatewayTraffic.of(Status.NOT_CONFIGURED, ""));
    }

    /** The gateway's shape, both windows with the same counts. */
    private static String summary(String served, String refused, String byCategory) {
        String window = "{\"from\":\"" + STARTED + "\",\"served\":" + served + ",\"refused\":" + refused
                + ",\"refused_by_category\":" + byCategory + "}";
        return "{\"model\":\"iris\",\"gateway_started_at\":\"" + STARTED + "\",\"as_of\":\"2026-12-06T05:30:00Z\","
                + "\"last_hour\":" + window + ",\"since_start\":" + window + "}";
    }

    private static GatewayTrafficClient client(String url) {
        return new GatewayTrafficClient(new GatewayProperties(url, ANSWER_TIMEOUT));
    }
}
