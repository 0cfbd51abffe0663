package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON API's body size limit over real HTTP (prod profile, H2, default 64 KiB): an oversized
 * body is refused with 413 {@code body_too_large} in the API's error format whether it declares its
 * length or comes chunked; a small chunked body still reaches the controller; the artifact upload
 * is judged by its own limit, not this one.
 */
class ApiBodyLimitIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext app;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        app = ManagementAccessIT.start();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_body_over_64_kib_with_a_content_length_is_refused_with_413() throws Exception {
        HttpResponse<String> refused = post("/api/siwe/verify", HttpRequest.BodyPublishers.ofByteArray(oversizedJson()));

        assertBodyTooLarge(refused);
    }

    @Test
    void a_chunked_body_over_64_kib_without_a_content_length_is_refused_with_413() throws Exception {
        HttpResponse<String> refused = post("/api/siwe/verify",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversizedJson())));

        assertBodyTooLarge(refused);
    }

    @Test
    void a_small_chunked_body_is_passed_on_to_the_controller() throws Exception {
        byte[] broken = "{\"message\": 42, \"signature\": [".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> read = post("/api/siwe/verify", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(broken)));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
        assertThat(JSON.readTree(read.body()).get("error").asString()).isEqualTo("malformed_request");
    }

    @Test
    void a_body_exactly_at_the_limit_is_not_refused_by_size() throws Exception {
        byte[] atLimit = jsonOfSize(65_536);
        HttpResponse<String> read = post("/api/siwe/verify", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(atLimit)));

        assertThat(read.statusCode()).as(read.body()).isNotEqualTo(413);
    }

    @Test
    void the_artifact_upload_is_not_held_to_the_json_limit() throws Exception {
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/artifacts"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200_000])).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).as("refused for want of a session, not for its size").isEqualTo(401);
    }

    private static void assertBodyTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asString()).isEqualTo("body_too_large");
        assertThat(error.get("message").asString()).contains("65536 bytes");
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] oversizedJson() {
        return jsonOfSize(100_000);
    }

    /** A sign-in body of exactly {@code size} bytes (a long, fake message). */
    private static byte[] jsonOfSize(int size) {
        String prefix = "{\"signature\":\"0x00\",\"message\":\"";
        String suffix = "\"}";
        return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }
}
