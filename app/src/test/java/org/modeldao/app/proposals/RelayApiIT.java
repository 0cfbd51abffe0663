package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.delegation.SignedDelegation;
import org.modeldao.app.identity.PersonalSignature;
import org.modeldao.app.identity.SiweMessage;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.contracts.BallotSignatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay API over HTTP against the whole app (shared dev chain, PostgreSQL): refusals are JSON
 * with 4xx codes, quotas answer 429 with Retry-After. Runs in order: the last test spends this
 * client's quota.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayApiIT extends AppOnDevChain {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Autowired
    DelegationService delegation;

    @Test
    @Order(1)
    void anonymous_callers_are_refused_before_anything_else() throws Exception {
        HttpResponse<String> response = post(HttpClient.newHttpClient(), "/api/relay/delegations", Map.of("delegator", "0x00"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void a_member_sees_what_is_left_of_the_relayers_budget_today() throws Exception {
        HttpClient browser = signedIn(DevChainFixture.shared().member());
        JsonNode budget = JSON.readTree(send(browser, HttpRequest.newBuilder(url("/api/relay/budget")).GET()).body());
        assertThat(budget.get("enabled").asBoolean()).isTrue();
        assertThat(budget.get("capWei").asString()).isEqualTo("50000000000000000");
        assertThat(budget.get("summary").asString()).contains("of 0.05 ETH left today");
    }

    @Test
    @Order(3)
    void a_signed_delegation_is_relayed_once_and_its_replay_and_a_pointless_one_are_422() throws Exception {
        Credentials holder = DevChainFixture.shared().member();
        HttpClient browser = signedIn(holder);
        SignedDelegation unsigned = delegation.unsigned(holder.getAddress(), holder.getAddress());
        Map<String, Object> body = delegationBody(unsigned, BallotSignatures.hex(BallotSignatures.sign(delegation.typedData(unsigned), holder)));

        HttpResponse<String> relayed = post(browser, "/api/relay/delegations", body);
        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);
        assertThat(JSON.readTree(relayed.body()).get("transactionHash").asString()).startsWith("0x");

        HttpResponse<String> replayed = post(browser, "/api/relay/delegations", body);
        assertThat(replayed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(replayed.body()).get("error").asString()).isEqualTo("relay_refused");
        assertThat(JSON.readTree(replayed.body()).get("message").asString()).contains("nonce already used");

        SignedDelegation again = new SignedDelegation(holder.getAddress(), holder.getAddress(), unsigned.nonce().add(java.math.BigInteger.ONE),
                unsigned.expiry(), "");
        HttpResponse<String> pointless = post(browser, "/api/relay/delegations",
                delegationBody(again, BallotSignatures.hex(BallotSignatures.sign(delegation.typedData(again), holder))));
        assertThat(pointless.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(pointless.body()).get("message").asString()).contains("already delegates to");
    }

    @Test
    @Order(4)
    void a_ballot_with_a_10000_character_reason_is_422_naming_the_limit() throws Exception {
        HttpClient browser = signedIn(DevChainFixture.shared().member());
        Map<String, Object> ballot = new LinkedHashMap<>();
        ballot.put("proposalId", "1");
        ballot.put("support", "for");
        ballot.put("voter", DevChainFixture.checksummed(DevChainFixture.shared().member()));
        ballot.put("reason", "x".repeat(10_000));
        ballot.put("nonce", "0");
        ballot.put("signature", "0x" + "11".repeat(65));

        HttpResponse<String> response = post(browser, "/api/relay/ballots", ballot);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains("10000 characters", "at most 1000");
    }

    @Test
    @Order(5)
    void malformed_requests_are_400() throws Exception {
        HttpClient browser = signedIn(DevChainFixture.shared().member());
        HttpResponse<String> response = post(browser, "/api/relay/delegations", Map.of("delegator", "not an address", "delegatee", "0x",
                "nonce", "-1", "expiry", 0, "signature", "0x12"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("malformed_request");
    }

    @Test
    @Order(6)
    void one_client_is_cut_off_with_429_and_retry_after_once_its_quota_is_spent() throws Exception {
        Credentials holder = DevChainFixture.shared().member();
        HttpClient browser = signedIn(holder);
        Credentials someoneElse = DevChainFixture.shared().outsider();
        SignedDelegation unsigned = new SignedDelegation(holder.getAddress(), holder.getAddress(), java.math.BigInteger.ZERO,
                Instant.now().plusSeconds(600).getEpochSecond(), "");
        Map<String, Object> forged = delegationBody(unsigned, BallotSignatures.hex(BallotSignatures.sign(delegation.typedData(unsigned), someoneElse)));

        HttpResponse<String> last = null;
        int refusedOnMerit = 0;
        for (int i = 0; i < 25; i++) {
            last = post(browser, "/api/relay/delegations", forged);
            if (last.statusCode() == 422) {
                refusedOnMerit++;
            }
        }

        assertThat(refusedOnMerit).isLessThanOrEqualTo(20);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(last.body()).get("error").asString()).isEqualTo("relay_quota_exceeded");
        assertThat(JSON.readTree(last.body()).get("message").asString()).contains("Too many gasless requests from your address");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    private static Map<String, Object> delegationBody(SignedDelegation d, String signature) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delegator", d.delegator());
        body.put("delegatee", d.delegatee());
        body.put("nonce", d.nonce().toString());
        body.put("expiry", d.expiry());
        body.put("signature", signature);
        return body;
    }

    private HttpClient signedIn(Credentials who) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String nonce = JSON.readTree(send(browser, HttpRequest.newBuilder(url("/api/siwe/nonce")).GET()).body()).get("nonce").asString();
        String message = new SiweMessage(null, "localhost:" + port, DevChainFixture.checksummed(who), "Sign in to the Model DAO.",
                "http://localhost:" + port + "/", "1", 31337, nonce, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                null, null, null, List.of()).toMessage();
        HttpResponse<String> verified = post(browser, "/api/siwe/verify",
                Map.of("message", message, "signature", PersonalSignature.sign(message, who.getEcKeyPair())));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return browser;
    }

    private HttpResponse<String> post(HttpClient browser, String path, Map<String, ?> body) throws Exception {
        return send(browser, HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
