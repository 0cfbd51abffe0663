package org.modeldao.gateway.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.GatewayOverHttp;
import org.modeldao.gateway.api.HttpFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens against the whole gateway over HTTP, with the app's part played by
 * {@code JwtFixture} (real JWKS and revocation list with ETags on 127.0.0.1; poll interval 1 s
 * here): only tokens of this issuer, audience and chain pass; a revoked token is refused within
 * the bound; with the list unreachable readiness is degraded and the last list still holds.
 */
class BearerTokenIT extends GatewayOverHttp {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenIT.class);
    private static final String HOLDER = "0x00000000000000000000000000000000000000c3";
    /** poll interval (1 s) + request timeout (3 s) + the time the check itself takes. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    HttpFixture http;
    GovernanceFixture dao;
    String path;

    @BeforeEach
    void restrictedModel(TestInfo test) throws InterruptedException {
        http = new HttpFixture(port);
        String model = "tokens-" + Math.abs(test.getTestMethod().orElseThrow().getName().hashCode());
        dao = new GovernanceFixture(dir, model);
        VOTES.put(HOLDER, BigInteger.valueOf(1000));
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.TOKEN_HOLDERS, 100, 1000, 8, List.of(), "901"));
        publishAndAwait(dao, "1");
        path = "/v2/models/" + model + "/versions/1/infer";
    }

    @AfterEach
    void listUp() {
        JWT.listDown(false);
    }

    private HttpFixture.Reply infer(String token) {
        return http.post(path, HttpFixture.irisRequest("t", "{}", 5.1, 3.5, 1.4, 0.2), token);
    }

    @Test
    void only_tokens_of_this_issuer_audience_and_chain_are_accepted() {
        assertThat(infer(JWT.token(HOLDER)).status()).isEqualTo(200);

        HttpFixture.Reply otherChain = infer(JWT.token(HOLDER, c -> c.claim("chain_id", 1L)));
        HttpFixture.Reply noChain = infer(JWT.token(HOLDER, c -> c.claim("chain_id", null)));
        HttpFixture.Reply otherAudience = infer(JWT.token(HOLDER, c -> c.audience("another-service")));
        HttpFixture.Reply otherIssuer = infer(JWT.token(HOLDER, c -> c.issuer("https://evil.example")));

        for (HttpFixture.Reply refused : List.of(otherChain, noChain, otherAudience, otherIssuer)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("error").asString()).contains("invalid bearer token");
        }
        assertThat(otherChain.json().get("error").asString()).contains("chain_id");
        assertThat(otherAudience.json().get("error").asString()).contains("aud");
        assertThat(otherIssuer.json().get("error").asString()).contains("iss");
    }

    @Test
    void revoked_token_is_refused_within_the_bound() throws Exception {
        String token = JWT.token(HOLDER);
        String other = JWT.token(HOLDER);
        assertThat(infer(token).status()).isEqualTo(200);

        long revokedAt = System.nanoTime();
        JWT.revoke(token);
        int status;
        do {
            Thread.sleep(50);
            status = infer(token).status();
        } while (status == 200 && System.nanoTime() - revokedAt < BOUND.toNanos());
        Duration latency = Duration.ofNanos(System.nanoTime() - revokedAt);
        log.info("Revocation took effect after {} ms (poll interval 1 s)", latency.toMillis());

        assertThat(status).isEqualTo(401);
        assertThat(latency).isLessThan(BOUND);
        assertThat(infer(other).status()).as("another token of the same account still works").isEqualTo(200);
        int before = JWT.notModifiedAnswers();
        Thread.sleep(2_500);
        assertThat(JWT.notModifiedAnswers()).as("an unchanged list is answered 304").isGreaterThan(before);
    }

    @Test
    void with_the_list_unreachable_readiness_is_degraded_and_the_last_list_still_holds() throws Exception {
        String revoked = JWT.token(HOLDER);
        JWT.revoke(revoked);
        awaitRefused(revoked);

        JWT.listDown(true);
        long deadline = System.nanoTime() + BOUND.toNanos();
        HttpFixture.Reply ready;
        do {
            Thread.sleep(100);
            ready = http.get("/v2/health/ready");
        } while (ready.json().path("parameters").path("revocation_feed_reachable").asBoolean() && System.nanoTime() < deadline);

        assertThat(ready.json().get("status").asString()).isEqualTo("degraded");
        assertThat(ready.json().at("/parameters/revocation_feed_reachable").asBoolean()).isFalse();
        assertThat(ready.json().at("/parameters/revocation_feed_error").asString()).contains("503");
        assertThat(infer(revoked).status()).as("the last known list is still enforced").isEqualTo(401);
        assertThat(infer(JWT.token(HOLDER)).status()).isEqualTo(200);

        JWT.listDown(false);
        deadline = System.nanoTime() + BOUND.toNanos();
        do {
            Thread.sleep(100);
            ready = http.get("/v2/health/ready");
        } while (!ready.json().path("parameters").path("revocation_feed_reachable").asBoolean() && System.nanoTime() < deadline);
        assertThat(ready.json().at("/parameters/revocation_feed_reachable").asBoolean()).isTrue();
    }

    private void awaitRefused(String token) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (infer(token).status() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(infer(token).status()).isEqualTo(401);
    }
}
