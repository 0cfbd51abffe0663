package org.modeldao.app.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.ModelDaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Over real HTTP as an anonymous visitor (prod profile, H2, no chain): an unknown address is let
 * through to Vaadin's not-found page rather than a redirect to sign-in, while a protected page still sends the
 * visitor to sign-in.
 */
class NotFoundPageIT {

    private static ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ModelDaoApplication.class).profiles("prod").run("--server.port=0",
                "--modeldao.indexer.enabled=false", "--modeldao.identity.public-origin=https://dao.example.org",
                "--spring.datasource.url=jdbc:h2:mem:not-found-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_unknown_address_reaches_the_not_found_page_instead_of_sending_an_anonymous_visitor_to_sign_in() throws Exception {
        HttpResponse<String> response = get("/no-such-page");

        assertThat(response.headers().firstValue("Location")).isEmpty();
        // Vaadin answers with its bootstrap page; the route (here NotFoundView) is rendered after it loads
        assertThat(response.statusCode()).isIn(200, 404);
    }

    @Test
    void a_protected_page_still_sends_an_anonymous_visitor_to_sign_in() throws Exception {
        HttpResponse<String> response = get("/my-tokens");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
