package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.modeldao.contracts.devchain.DevGovernance;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Roles follow the chain during a session (refresh interval 300 ms in the ITs): an account that
 * signed in with nothing becomes MEMBER and PROPOSER once 5,000 votes are delegated to it, and
 * loses both when the delegation is taken back — without signing in again.
 */
class SessionRolesIT extends AppOnDevChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_account_delegated_votes_after_sign_in_gains_member_and_proposer_and_loses_them_when_the_votes_go() throws Exception {
        DevChainFixture fixture = DevChainFixture.shared();
        Credentials delegatee = fixture.chain().accounts().get(6);
        Credentials holder = fixture.proposer();
        DevGovernance governance = new DevGovernance(fixture.chain(), fixture.deployment());
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        assertThat(roles(signIn(browser, delegatee))).isEmpty();
        try {
            governance.delegate(holder, delegatee.getAddress());
            JsonNode gained = awaitRoles(browser, List.of("MEMBER", "PROPOSER"));
            assertThat(gained.get("votes").asString()).isEqualTo("5000000000000000000000");

            governance.delegateToSelf(holder);
            assertThat(awaitRoles(browser, List.of()).get("votes").asString()).isEqualTo("0");
        } finally {
            // the other ITs on this shared chain expect the holder's votes with the holder
            governance.delegateToSelf(holder);
        }
    }

    private JsonNode awaitRoles(HttpClient browser, List<String> expected) throws Exception {
        JsonNode me = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            me = JSON.readTree(send(browser, HttpRequest.newBuilder(url("/api/siwe/me")).GET()).body());
            if (roles(me).equals(expected)) {
                return me;
            }
            Thread.sleep(100);
        }
        assertThat(roles(me)).as("roles after 10 s").isEqualTo(expected);
        return me;
    }

    private static List<String> roles(JsonNode member) {
        return member.get("roles").valueStream().map(JsonNode::asString).toList();
    }

    private JsonNode signIn(HttpClient browser, Credentials who) throws Exception {
        String nonce = JSON.readTree(send(browser, HttpRequest.newBuilder(url("/api/siwe/nonce")).GET()).body()).get("nonce").asString();
        String message = new SiweMessage(null, "localhost:" + port, DevChainFixture.checksummed(who), "Sign in to the Model DAO.",
                baseUrl() + "/", "1", 31337, nonce, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, null, List.of())
                .toMessage();
        String body = JSON.writeValueAsString(Map.of("message", message, "signature", PersonalSignature.sign(message, who.getEcKeyPair())));
        HttpResponse<String> verified = send(browser, HttpRequest.newBuilder(url("/api/siwe/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return JSON.readTree(verified.body());
    }

    private HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create(baseUrl() + path);
    }
}
