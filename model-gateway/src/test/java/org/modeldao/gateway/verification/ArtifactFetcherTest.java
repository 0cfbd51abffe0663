package org.modeldao.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;

/**
 * Voted URIs as an attacker would choose them, against a real HTTP server on 127.0.0.1 that
 * stalls, trickles, redirects and serves other bytes. Nothing here sends traffic anywhere but
 * 127.0.0.1: private addresses must be refused before any connection is attempted.
 */
class ArtifactFetcherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final SourcePolicy LOOPBACK_LISTED = new SourcePolicy(false, List.of("127.0.0.1"));

    private final DemoModel demo = DemoModels.iris("2");
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger redirectTargetRequests = new AtomicInteger();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                switch (exchange.getRequestURI().getPath()) {
                    case "/model.onnx" -> send(exchange, demo.artifactBytes(), demo.artifactBytes().length);
                    case "/chunked.onnx" -> send(exchange, demo.artifactBytes(), 0);
                    case "/huge-chunked.onnx" -> send(exchange, new byte[300_000], 0);
                    case "/announced-huge.onnx" -> {
                        // announces 50 MB and sends 1 KB: refused on the header, without waiting for the rest
                        exchange.sendResponseHeaders(200, 50_000_000);
                        exchange.getResponseBody().write(new byte[1000]);
                        exchange.getResponseBody().flush();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    case "/stalls.onnx" -> {
                        exchange.sendResponseHeaders(200, 1000);
                        exchange.getResponseBody().write(new byte[100]);
                        exchange.getResponseBody().flush();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    case "/trickles.onnx" -> {
                        exchange.sendResponseHeaders(200, 1000);
                        OutputStream body = exchange.getResponseBody();
                        for (int i = 0; i < 1000 && !release.await(100, TimeUnit.MILLISECONDS); i++) {
                            body.write(i);
                            body.flush();
                        }
                    }
                    case "/redirects.onnx" -> {
                        exchange.getResponseHeaders().add("Location", "/redirect-target.onnx");
                        exchange.sendResponseHeaders(302, -1);
                    }
                    case "/redirect-target.onnx" -> {
                        redirectTargetRequests.incrementAndGet();
                        send(exchange, demo.artifactBytes(), demo.artifactBytes().length);
                    }
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    private static void send(HttpExchange exchange, byte[] body, long announced) throws IOException {
        exchange.sendResponseHeaders(200, announced);
        exchange.getResponseBody().write(body);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The fetcher's stream, collected: the files here are small. */
    private static byte[] fetch(ArtifactFetcher fetcher, String uri) throws ArtifactFetcher.FetchFailedException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        fetcher.fetch(uri, sink);
        return sink.toByteArray();
    }

    private ArtifactFetcher fetcher(SourcePolicy policy) {
        return new ArtifactFetcher(200_000, DEADLINE, policy);
    }

    @Test
    void a_listed_loopback_source_is_fetched_with_or_without_a_content_length() throws Exception {
        assertThat(fetch(fetcher(LOOPBACK_LISTED), url("/model.onnx"))).isEqualTo(demo.artifactBytes());
        assertThat(fetch(fetcher(LOOPBACK_LISTED), url("/chunked.onnx"))).isEqualTo(demo.artifactBytes());
    }

    @Test
    void a_body_that_stalls_midway_gives_up_at_the_deadline() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), url("/stalls.onnx")))
                .isInstanceOf(ArtifactFetcher.FetchFailedException.class)
                .isNotInstanceOf(ArtifactFetcher.SourceRefusedException.class)
                .hasMessageContaining("deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(DEADLINE.minusMillis(50), DEADLINE.plusMillis(700));
    }

    @Test
    void a_body_that_trickles_a_byte_at_a_time_gives_up_at_the_same_deadline() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), url("/trickles.onnx")))
                .isInstanceOf(ArtifactFetcher.FetchFailedException.class).hasMessageContaining("deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(DEADLINE.minusMillis(50), DEADLINE.plusMillis(700));
    }

    @Test
    void a_redirect_is_not_followed() {
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), url("/redirects.onnx")))
                .isInstanceOf(ArtifactFetcher.FetchFailedException.class)
                .hasMessageContaining("answered 302 (redirects are not followed)");
        assertThat(redirectTargetRequests).hasValue(0);
    }

    @Test
    void a_source_over_the_size_limit_is_refused_whether_announced_or_streamed() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), url("/announced-huge.onnx")))
                .isInstanceOf(ArtifactFetcher.TooLargeException.class).hasMessageContaining("200000-byte artifact limit");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE);
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), url("/huge-chunked.onnx")))
                .isInstanceOf(ArtifactFetcher.TooLargeException.class);
    }

    @Test
    void nothing_past_the_limit_reaches_the_sink() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThatThrownBy(() -> fetcher(LOOPBACK_LISTED).fetch(url("/huge-chunked.onnx"), sink))
                .isInstanceOf(ArtifactFetcher.TooLargeException.class);
        assertThat(sink.size()).isLessThanOrEqualTo(200_000);
    }

    @Test
    void wrong_bytes_are_a_mismatch_whose_reason_names_the_voted_hash_only() {
        DemoModel voted = DemoModels.iris("1");
        ApprovedVersion version = ApprovedVersion.approved("iris", "1", voted.artifactSha256(), url("/model.onnx"),
                demo.cardSha256(), url("/model.onnx"), "onnx", Approval.NONE);

        Verification result = new ArtifactVerifier(fetcher(LOOPBACK_LISTED)).verify(version);

        assertThat(result).isInstanceOfSatisfying(Verification.Mismatch.class, m -> assertThat(m.reason())
                .isEqualTo("artifact does not match the voted sha256 " + voted.artifactSha256() + " (at " + url("/model.onnx") + ")")
                .doesNotContain(demo.artifactSha256()));
    }

    @Test
    void loopback_is_refused_without_a_request_unless_listed() {
        for (String uri : List.of(url("/model.onnx"), "http://localhost:" + server.getAddress().getPort() + "/model.onnx",
                "http://[::1]:" + server.getAddress().getPort() + "/model.onnx")) {
            assertThatThrownBy(() -> fetch(fetcher(SourcePolicy.STRICT), uri))
                    .as(uri).isInstanceOf(ArtifactFetcher.SourceRefusedException.class)
                    .hasMessageContaining("not listed in gateway.sources.allow-private");
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void private_link_local_and_mapped_addresses_are_refused_before_any_connection() {
        // a connection attempt to these would wait for the connect timeout or fail otherwise: refusal is immediate
        for (String uri : List.of("http://10.0.0.1/model.onnx", "http://192.168.1.1/model.onnx",
                "http://172.16.5.4:8080/x", "http://100.64.0.1/x", "http://169.254.169.254/latest/meta-data/",
                "https://[fd00::1]/x", "http://[fe80::1]/x", "http://[::ffff:10.0.0.1]/x", "http://[64:ff9b::a00:1]/x",
                "http://0.0.0.0:" + server.getAddress().getPort() + "/model.onnx")) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), uri)).as(uri)
                    .isInstanceOf(ArtifactFetcher.SourceRefusedException.class)
                    .hasMessageContaining("is a loopback, link-local or private address");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(uri).isLessThan(Duration.ofMillis(200));
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void file_uris_are_refused_unless_enabled_and_then_only_regular_files(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("model.onnx"), demo.artifactBytes());
        assertThatThrownBy(() -> fetch(fetcher(SourcePolicy.STRICT), file.toUri().toString()))
                .isInstanceOf(ArtifactFetcher.SourceRefusedException.class)
                .hasMessageContaining("file: URIs are off (gateway.sources.allow-file)");

        SourcePolicy files = new SourcePolicy(true, List.of());
        assertThat(fetch(fetcher(files), file.toUri().toString())).isEqualTo(demo.artifactBytes());
        assertThatThrownBy(() -> fetch(fetcher(files), "file:///dev/zero")).hasMessageContaining("not a regular file");
    }

    @Test
    void other_schemes_and_user_info_are_refused() {
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), "ftp://127.0.0.1/x"))
                .isInstanceOf(ArtifactFetcher.SourceRefusedException.class).hasMessageContaining("unsupported URI scheme");
        assertThatThrownBy(() -> fetch(fetcher(LOOPBACK_LISTED), "http://user:pw@127.0.0.1:" + server.getAddress().getPort() + "/model.onnx"))
                .isInstanceOf(ArtifactFetcher.SourceRefusedException.class);
        assertThat(requests).hasValue(0);
    }
}
