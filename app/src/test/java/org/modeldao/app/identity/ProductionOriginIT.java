package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modeldao.app.ModelDaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * The app outside the dev profile (profile {@code prod}, which configures nothing itself), on H2
 * and without a chain: it does not start without a public origin, and with one it checks sign-in
 * messages against that origin whatever the request's headers say.
 */
class ProductionOriginIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_app_refuses_to_start_outside_the_dev_profile_without_a_public_origin_naming_the_property() {
        assertThatThrownBy(() -> start("").close())
                .rootCause()
                .hasMessageContaining("modeldao.identity.public-origin");
    }

    @Test
    void with_a_public_origin_a_message_for_another_domain_is_refused_whatever_the_forwarded_headers_say() throws Exception {
        try (ConfigurableApplicationContext app = start("https://dao.example.org")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> evil = verify(client, port, "evil.example");
            HttpResponse<String> real = verify(client, port, "dao.example.org");

            assertThat(evil.statusCode()).isEqualTo(401);
            assertThat(evil.body()).contains("wrong_domain");
            assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> verify(HttpClient client, int port, String domain) throws Exception {
        String nonce = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/siwe/nonce")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("nonce").asString();
        String message = new SiweMessage(null, domain, org.web3j.crypto.Keys.toChecksumAddress(SiweFixture.ALICE.getAddress()),
                "Sign in to the Model DAO.", "https://" + domain + "/", "1", 31337, nonce, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                null, null, null, List.of()).toMessage();
        String body = JSON.writeValueAsString(Map.of("message", message, "signature", SiweFixture.sign(message, SiweFixture.ALICE)));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/siwe/verify"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Host", domain)
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(String publicOrigin) {
        // command-line arguments: they win over application.yml, as an operator's settings would
        return new SpringApplicationBuilder(ModelDaoApplication.class)
                .profiles("prod")
                .run("--server.port=0", "--modeldao.indexer.enabled=false",
                        "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--modeldao.identity.public-origin=" + publicOrigin);
    }
}
