package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.ObjectMapper;

/**
 * The phishing attack of issue 12 against the running app (dev profile, no public origin
 * configured): a victim signs a message for {@code evil.example}; the attacker posts it with
 * {@code X-Forwarded-Host: evil.example}, or with that Host header. Both are refused and no
 * session is signed in.
 */
class SignInOriginIT extends AppOnDevChain {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Credentials victim = DevChainFixture.shared().proposer();

    @Test
    void a_message_for_another_domain_is_refused_even_with_x_forwarded_host_set_to_it() throws Exception {
        HttpClient attacker = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String message = signedForEvil(nonce(attacker));

        HttpResponse<String> refused = attacker.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/siwe/verify"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .POST(HttpRequest.BodyPublishers.ofString(body(message))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("wrong_domain");
        assertThat(attacker.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/siwe/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("no session").isEqualTo(204);
    }

    @Test
    void a_message_for_another_domain_is_refused_when_the_host_header_names_it() throws Exception {
        String message = signedForEvil(nonce(HttpClient.newHttpClient()));
        byte[] json = body(message).getBytes(StandardCharsets.UTF_8);

        String response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/siwe/verify HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: "
                    + json.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 401").contains("wrong_domain");
    }

    private String signedForEvil(String nonce) {
        String message = new SiweMessage("https", "evil.example", DevChainFixture.checksummed(victim), "Sign in to the Model DAO.",
                "https://evil.example/", "1", 31337, nonce, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, null, List.of())
                .toMessage();
        return message;
    }

    private String body(String message) {
        return JSON.writeValueAsString(Map.of("message", message, "signature", PersonalSignature.sign(message, victim.getEcKeyPair())));
    }

    private String nonce(HttpClient client) throws Exception {
        return JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/siwe/nonce")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("nonce").asString();
    }
}
