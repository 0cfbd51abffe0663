package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever names a client sends, the metric series stay the approved set's: bogus versions,
 * bogus models, bogus methods, paths and tokens, 10,000 of each kind over HTTP.
 */
class BoundedMetricsIT extends GatewayOverHttp {

    private static final Logger log = LoggerFactory.getLogger(BoundedMetricsIT.class);

    private static final int BOGUS = 10_000;
    private static final String ROW = HttpFixture.irisRequest("m", "{}", 5.1, 3.5, 1.4, 0.2);

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void ten_thousand_bogus_versions_and_model_names_add_no_metric_series() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-bounded");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        String base = "http://127.0.0.1:" + port;
        IntFunction<HttpRequest> bogusVersion = i -> post(base + "/v2/models/iris-bounded/versions/v" + i + "-"
                + Long.toHexString(Double.doubleToLongBits(Math.random())) + "/infer");
        IntFunction<HttpRequest> bogusModel = i -> post(base + "/v2/models/nope-" + i + "/versions/" + i + "/infer");
        IntFunction<HttpRequest> bogusMetadata = i -> HttpRequest.newBuilder(
                URI.create(base + "/v2/models/iris-bounded/versions/x" + i)).GET().build();
        IntFunction<HttpRequest> bogusPath = i -> HttpRequest.newBuilder(URI.create(base + "/v" + i + "/whatever/" + i))
                .GET().build();
        IntFunction<HttpRequest> bogusMethod = i -> HttpRequest.newBuilder(URI.create(base + "/v2/models/iris-bounded/infer"))
                .method("BOGUS" + i, HttpRequest.BodyPublishers.noBody()).build();
        IntFunction<HttpRequest> bogusToken = i -> HttpRequest.newBuilder(
                URI.create(base + "/v2/models/iris-bounded/versions/1/infer"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer bogus." + i + ".token")
                .POST(HttpRequest.BodyPublishers.ofString(ROW)).build();
        List<IntFunction<HttpRequest>> kinds = List.of(bogusVersion, bogusModel, bogusMetadata, bogusPath, bogusMethod,
                bogusToken);
        // every kind once, and a served call, so that every series these requests can make exists already
        assertThat(send(post(base + "/v2/models/iris-bounded/versions/1/infer")).statusCode()).isEqualTo(200);
        for (IntFunction<HttpRequest> kind : kinds) {
            send(kind.apply(-1));
        }
        prometheus(base); // the scrape is a request too: its own series exist from the first one
        Set<String> before = series(base);

        for (IntFunction<HttpRequest> kind : kinds) {
            sendConcurrently(kind, kind == bogusVersion || kind == bogusModel ? BOGUS : BOGUS / 5);
        }

        Set<String> after = series(base);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        assertThat(added).as("series added by bogus requests").isEmpty();
        assertThat(after).hasSameSizeAs(before);
        String text = prometheus(base);
        assertThat(refusals(text, "model=\"iris-bounded\"", "version=\"unknown\"", "reason=\"not_found\""))
                .isEqualTo(BOGUS + 1.0);
        assertThat(refusals(text, "model=\"unknown\"", "version=\"unknown\"", "reason=\"not_found\""))
                .isGreaterThanOrEqualTo(BOGUS + 1.0);
        // refused before they were calls, yet counted: under the approved name and version they were sent to
        assertThat(refusals(text, "model=\"iris-bounded\"", "version=\"1\"", "reason=\"invalid_token\""))
                .isEqualTo(BOGUS / 5 + 1.0);
        log.info(String.format("metric series: %d before, %d after %d bogus versions, %d bogus models and %d each of bogus"
                + " metadata paths, paths, methods and tokens%n", before.size(), after.size(), BOGUS, BOGUS, BOGUS / 5).strip());
    }

    private HttpRequest post(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ROW)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void sendConcurrently(IntFunction<HttpRequest> kind, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        int status = send(kind.apply(i)).statusCode();
                        assertThat(status).isBetween(400, 499);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
    }

    private String prometheus(String base) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).GET()
                .build());
        assertThat(response.statusCode()).as("loopback reads the metrics").isEqualTo(200);
        return response.body();
    }

    /** One entry per time series; JVM garbage-collection causes come and go with the JVM, not with requests. */
    private Set<String> series(String base) throws Exception {
        Set<String> series = new TreeSet<>();
        prometheus(base).lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("jvm_gc_"))
                .forEach(l -> series.add(l.substring(0, l.lastIndexOf(' '))));
        return series;
    }

    private static double refusals(String text, String... tags) {
        return text.lines().filter(l -> l.startsWith("gateway_refusals_total{"))
                .filter(l -> List.of(tags).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
