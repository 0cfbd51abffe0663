package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.approval.GovernanceState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A voted artifact over the size limit, served over HTTP from 127.0.0.1 (listed in this
 * module's test configuration): quarantined once with the reason visible in metadata, metrics
 * and the decision log, and never downloaded again by the rechecks or later reconciliations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:oversized;DB_CLOSE_DELAY=-1",
        "gateway.chain.state-file=target/oversized-state.json",
        "gateway.artifacts.recheck-interval=100ms",
        "gateway.serving.retry-unavailable-after=100ms"})
class OversizedArtifactIT {

    static final DemoModel DEMO = DemoModels.iris("1");
    static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    static HttpServer store;

    @DynamicPropertySource
    static void limitBelowTheArtifact(DynamicPropertyRegistry registry) throws Exception {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            REQUESTS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] body = path.endsWith(".onnx") ? DEMO.artifactBytes() : DEMO.cardBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        store.start();
        // the card fits, the artifact does not
        registry.add("gateway.serving.max-artifact-bytes", () -> DEMO.artifactBytes().length - 1);
    }

    @AfterAll
    static void stopStore() {
        store.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    GovernanceState governance;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_artifact_over_the_limit_is_quarantined_once_and_not_fetched_again() throws Exception {
        String base = "http://127.0.0.1:" + store.getAddress().getPort();
        GovernanceFixture dao = new GovernanceFixture(Files.createTempDirectory("oversized"), "big");
        dao.approve("big", "1", DEMO.artifactSha256(), base + "/big.onnx", DEMO.cardSha256(), base + "/big.json");
        governance.publish(dao.snapshot());
        HttpFixture http = new HttpFixture(port);

        long deadline = System.currentTimeMillis() + 20_000;
        HttpFixture.Reply meta = http.get("/v2/models/big/versions/1");
        while (!"quarantined".equals(meta.json().at("/parameters/state").asString()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            meta = http.get("/v2/models/big/versions/1");
        }
        assertThat(meta.json().at("/parameters/quarantine_reason").asString())
                .contains("is larger than the " + (DEMO.artifactBytes().length - 1) + "-byte artifact limit");
        assertThat(http.post("/v2/models/big/versions/1/infer", HttpFixture.irisRequest("x", "{}", 6.0, 2.9, 4.5, 1.5), null)
                .status()).isEqualTo(409);

        // ten recheck rounds and a later reconciliation (a new block) later: still the one download
        Thread.sleep(1_000);
        governance.publish(dao.snapshot());
        Thread.sleep(300);
        assertThat(REQUESTS.get("/big.onnx")).hasValue(1);
        assertThat(REQUESTS).doesNotContainKey("/big.json");

        assertThat(http.get("/actuator/prometheus").raw().body())
                .containsPattern("gateway_quarantines_total\\{[^}]*model=\"big\"[^}]*reason=\"over_size_limit\"");
        assertThat(jdbc.queryForList("SELECT detail FROM decision_log WHERE kind = 'QUARANTINE' AND model = 'big'", String.class))
                .singleElement().asString().contains("-byte artifact limit (MODELDAO_MAX_ARTIFACT_BYTES)");
    }
}
