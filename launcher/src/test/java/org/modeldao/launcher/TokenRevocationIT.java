package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.modeldao.launcher.report.SystemDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway token end to end, with the real app and the real gateway of the local run (default
 * revocation polling, 5 s): a member signs in to the app with SIWE and issues a token; the gateway
 * serves it; the member revokes it in the app; the gateway refuses it within the bound (poll
 * interval 5 s + request timeout 3 s), measured.
 */
@Order(1) // reads the seeded state only (iris public, v1 current); changes nothing on the chain
class TokenRevocationIT {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocationIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BOUND = Duration.ofSeconds(8);

    @Test
    void a_token_issued_in_the_app_works_at_the_gateway_until_it_is_revoked() throws Exception {
        SystemDescriptor system = RunningDao.get().system;
        SystemDescriptor.Account member = system.accounts().getFirst();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String app = system.urls().app();

        signIn(browser, app, Credentials.create(member.privateKey()));
        JsonNode issued = JSON.readTree(send(browser, HttpRequest.newBuilder(URI.create(app + "/api/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"end to end\"}"))).body());
        String token = issued.get("token").asString();

        assertThat(infer(system, token).statusCode()).as("issued in the app, served by the gateway").isEqualTo(200);

        assertThat(send(browser, HttpRequest.newBuilder(URI.create(app + "/api/tokens/" + issued.get("jti").asString())).DELETE())
                .statusCode()).isEqualTo(204);
        long revokedAt = System.nanoTime();
        int status;
        do {
            Thread.sleep(100);
            status = infer(system, token).statusCode();
        } while (status == 200 && System.nanoTime() - revokedAt < BOUND.plusSeconds(5).toNanos());
        Duration latency = Duration.ofNanos(System.nanoTime() - revokedAt);
        log.info("Revocation in the app took effect at the gateway after {} ms", latency.toMillis());

        assertThat(status).isEqualTo(401);
        assertThat(latency).isLessThan(BOUND);
    }

    private static void signIn(HttpClient browser, String app, Credentials who) throws Exception {
        String nonce = JSON.readTree(send(browser, HttpRequest.newBuilder(URI.create(app + "/api/siwe/nonce")).GET()).body())
                .get("nonce").asString();
        String authority = URI.create(app).getRawAuthority();
        String message = authority + " wants you to sign in with your Ethereum account:\n"
                + Keys.toChecksumAddress(who.getAddress()) + "\n\nSign in to the Model DAO.\n\n"
                + "URI: " + app + "/\nVersion: 1\nChain ID: 31337\nNonce: " + nonce + "\nIssued At: "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), who.getEcKeyPair());
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        String body = JSON.writeValueAsString(java.util.Map.of("message", message, "signature", Numeric.toHexString(bytes)));
        HttpResponse<String> verified = send(browser, HttpRequest.newBuilder(URI.create(app + "/api/siwe/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    private static HttpResponse<String> infer(SystemDescriptor system, String token) throws Exception {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(system.urls().gateway() + "/v2/models/" + system.demoModel().name() + "/infer"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(system.demoModel().requestBody())));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
