package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.AfterEach;
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

    private static final int WORKERS = 4;

    /*
     * Apache's blocking client, not the JDK's: the JDK's HttpClient can hand the response on a reused
     * keep-alive connection to its idle-pool watcher (JDK-8357639, seen here on JDK 25 as "header parser
     * received no bytes"), and a retry would count a refusal twice where this test counts them exactly.
     * Retries are off for the same reason.
     */
    private final CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(WORKERS).setMaxConnTotal(WORKERS).build())
            .build();

    @AfterEach
    void closeClient() throws Exception {
        client.close();
    }

    @Test
    void ten_thousand_bogus_versions_and_model_names_add_no_metric_series() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-bounded");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        String base = "http://127.0.0.1:" + port;
        IntFunction<ClassicHttpRequest> bogusVersion = i -> post(base + "/v2/models/iris-bounded/versions/v" + i + "-"
                + Long.toHexString(Double.doubleToLongBits(Math.random())) + "/infer");
        IntFunction<ClassicHttpRequest> bogusModel = i -> post(base + "/v2/models/nope-" + i + "/versions/" + i
                + "/infer");
        IntFunction<ClassicHttpRequest> bogusMetadata = i -> ClassicRequestBuilder
                .get(base + "/v2/models/iris-bounded/versions/x" + i).build();
        IntFunction<ClassicHttpRequest> bogusPath = i -> ClassicRequestBuilder.get(base + "/v" + i + "/whatever/" + i)
                .build();
        IntFunction<ClassicHttpRequest> bogusMethod = i -> ClassicRequestBuilder.create("BOGUS" + i)
                .setUri(base + "/v2/models/iris-bounded/infer").build();
        IntFunction<ClassicHttpRequest> bogusToken = i -> ClassicRequestBuilder
                .post(base + "/v2/models/iris-bounded/versions/1/infer")
                .setHeader("Authorization", "Bearer bogus." + i + ".token")
                .setEntity(new StringEntity(ROW, ContentType.APPLICATION_JSON)).build();
        List<IntFunction<ClassicHttpRequest>> kinds = List.of(bogusVersion, bogusModel, bogusMetadata, bogusPath,
                bogusMethod, bogusToken);
        // every kind once, and a served call, so that every series these requests can make exists already
        assertThat(send(post(base + "/v2/models/iris-bounded/versions/1/infer")).status()).isEqualTo(200);
        for (IntFunction<ClassicHttpRequest> kind : kinds) {
            send(kind.apply(-1));
        }
        prometheus(base); // the scrape is a request too: its own series exist from the first one
        Set<String> before = series(base);

        for (IntFunction<ClassicHttpRequest> kind : kinds) {
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

    private static ClassicHttpRequest post(String url) {
        return ClassicRequestBuilder.post(url).setEntity(new StringEntity(ROW, ContentType.APPLICATION_JSON)).build();
    }

    private record Answer(int status, String body) {
    }

    private Answer send(ClassicHttpRequest request) throws Exception {
        return client.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    private void sendConcurrently(IntFunction<ClassicHttpRequest> kind, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < WORKERS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        int status = send(kind.apply(i)).status();
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
        Answer response = send(ClassicRequestBuilder.get(base + "/actuator/prometheus").build());
        assertThat(response.status()).as("loopback reads the metrics").isEqualTo(200);
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
