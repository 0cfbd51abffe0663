package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modeldao.app.ModelDaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The actuator over real HTTP on the running app (prod profile, H2): Prometheus metrics, info and
 * metrics answer loopback by default and nobody else; with the allowed addresses set to a network
 * that excludes loopback they are refused (401, as credentials are configured) and the Basic
 * credentials open them; health stays open.
 */
class ManagementAccessIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void from_loopback_by_default_prometheus_shows_the_relayer_spend_and_a_proxied_caller_is_refused() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);

            HttpResponse<String> prometheus = get(port, "/actuator/prometheus");
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).contains("relayer_spent_wei");
            assertThat(get(port, "/actuator/metrics").statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/info").statusCode()).isEqualTo(200);

            // through a proxy the app does not trust, loopback is the proxy's address, not the caller's
            for (String endpoint : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
                HttpResponse<String> proxied = send(HttpRequest.newBuilder(uri(port, endpoint)).header("X-Forwarded-For", "203.0.113.9"));
                assertThat(proxied.statusCode()).as(endpoint).isEqualTo(403);
                assertThat(proxied.body()).contains("management_refused").doesNotContain("relayer_spent_wei");
            }
            assertThat(send(HttpRequest.newBuilder(uri(port, "/actuator/health")).header("X-Forwarded-For", "203.0.113.9")).statusCode())
                    .as("health stays open").isEqualTo(200);
        }
    }

    @Test
    void with_allowed_addresses_excluding_loopback_the_endpoints_need_the_basic_credentials() throws Exception {
        try (ConfigurableApplicationContext app = start("--modeldao.management.allowed-addresses=10.0.0.0/8,fd00::/8",
                "--modeldao.management.username=scraper", "--modeldao.management.password={noop}s3cret-enough")) {
            int port = port(app);

            for (String endpoint : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
                HttpResponse<String> refused = get(port, endpoint);
                assertThat(refused.statusCode()).as(endpoint).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
                assertThat(refused.body()).doesNotContain("relayer_spent_wei");
                assertThat(send(HttpRequest.newBuilder(uri(port, endpoint)).header("Authorization", basic("scraper", "wrong"))).statusCode())
                        .as(endpoint + " with a wrong password").isEqualTo(401);
            }
            HttpResponse<String> scraped = send(HttpRequest.newBuilder(uri(port, "/actuator/prometheus"))
                    .header("Authorization", basic("scraper", "s3cret-enough")));
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("relayer_spent_wei");
            assertThat(send(HttpRequest.newBuilder(uri(port, "/actuator/info")).header("Authorization", basic("scraper", "s3cret-enough")))
                    .statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void without_credentials_configured_a_caller_outside_the_allowed_addresses_gets_403() throws Exception {
        try (ConfigurableApplicationContext app = start("--modeldao.management.allowed-addresses=10.0.0.0/8")) {
            HttpResponse<String> refused = get(port(app), "/actuator/info");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"error\":\"management_refused\"");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The app as an operator runs it outside dev, without a chain; command-line arguments win over application.yml. */
    static ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--modeldao.indexer.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:management-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--modeldao.identity.public-origin=https://dao.example.org"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(ModelDaoApplication.class).profiles("prod").run(arguments.toArray(String[]::new));
    }
}
