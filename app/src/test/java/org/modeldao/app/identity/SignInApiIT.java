package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The app on a random port against a real dev chain with the governance suite deployed and a fresh
 * PostgreSQL database: signing in through the HTTP API reads roles from the contracts, and the
 * session can get a gateway token.
 */
class SignInApiIT extends AppOnDevChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_delegated_holder_signs_in_as_member_and_proposer_and_gets_a_gateway_token() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Credentials holder = DevChainFixture.shared().proposer();

        JsonNode member = signIn(browser, holder);

        assertThat(member.get("address").asString()).isEqualTo(DevChainFixture.checksummed(holder));
        assertThat(member.get("roles").valueStream().map(JsonNode::asString)).containsExactly("MEMBER", "PROPOSER");
        assertThat(member.get("votes").asString()).isEqualTo("5000000000000000000000");
        assertThat(get(browser, "/api/siwe/me").body()).contains(DevChainFixture.checksummed(holder));

        HttpResponse<String> issued = send(browser, HttpRequest.newBuilder(url("/api/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"it\"}")));
        assertThat(issued.statusCode()).isEqualTo(201);
        JWKSet keys = JWKSet.parse(get(browser, "/.well-known/jwks.json").body());
        Jwt jwt = NimbusJwtDecoder.withPublicKey(keys.getKeys().getFirst().toRSAKey().toRSAPublicKey()).build()
                .decode(JSON.readTree(issued.body()).get("token").asString());
        assertThat(jwt.getSubject()).isEqualTo(DevChainFixture.checksummed(holder));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER", "PROPOSER");
    }

    @Test
    void an_undelegated_holder_is_a_member_and_an_account_without_tokens_has_no_role() throws Exception {
        JsonNode member = signIn(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), DevChainFixture.shared().member());
        JsonNode outsider = signIn(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), DevChainFixture.shared().outsider());

        assertThat(member.get("roles").valueStream().map(JsonNode::asString)).containsExactly("MEMBER");
        assertThat(outsider.get("roles").valueStream().map(JsonNode::asString)).isEmpty();
    }

    @Test
    void a_message_naming_another_chain_is_refused_with_a_json_error() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        String nonce = JSON.readTree(get(browser, "/api/siwe/nonce").body()).get("nonce").asString();
        Credentials holder = DevChainFixture.shared().proposer();
        String message = message(holder, nonce, 1);

        HttpResponse<String> refused = postVerify(browser, message, PersonalSignature.sign(message, holder.getEcKeyPair()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("wrong_chain");
    }

    @Test
    void nonces_live_in_the_fresh_postgresql_database() throws Exception {
        String nonce = JSON.readTree(get(HttpClient.newHttpClient(), "/api/siwe/nonce").body()).get("nonce").asString();

        assertThat(jdbc.sql("select current_database()").query(String.class).single()).startsWith("modeldao_it_");
        assertThat(jdbc.sql("select count(*) from siwe_nonce where nonce = ?").param(nonce).query(Long.class).single()).isEqualTo(1);
    }

    private JsonNode signIn(HttpClient browser, Credentials who) throws Exception {
        String nonce = JSON.readTree(get(browser, "/api/siwe/nonce").body()).get("nonce").asString();
        String message = message(who, nonce, 31337);
        HttpResponse<String> verified = postVerify(browser, message, PersonalSignature.sign(message, who.getEcKeyPair()));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return JSON.readTree(verified.body());
    }

    private String message(Credentials who, String nonce, long chainId) {
        return new SiweMessage(null, "localhost:" + port, DevChainFixture.checksummed(who), "Sign in to the Model DAO.",
                "http://localhost:" + port + "/", "1", chainId, nonce, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                null, null, null, List.of()).toMessage();
    }

    private HttpResponse<String> postVerify(HttpClient browser, String message, String signature) throws Exception {
        String body = JSON.writeValueAsString(Map.of("message", message, "signature", signature));
        return send(browser, HttpRequest.newBuilder(url("/api/siwe/verify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return send(browser, HttpRequest.newBuilder(url(path)).GET());
    }

    private HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
