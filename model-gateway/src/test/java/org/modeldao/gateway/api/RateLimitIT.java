package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process limiter, no trusted proxy (the defaults), over HTTP. */
class RateLimitIT extends GatewayOverHttp {

    private static final Logger log = LoggerFactory.getLogger(RateLimitIT.class);

    static final String ROW = HttpFixture.irisRequest("r", "{}", 5.1, 3.5, 1.4, 0.2);

    @TempDir
    Path dir;

    @Test
    void a_hundred_fresh_tokens_from_one_address_are_held_to_the_per_address_limit() throws Exception {
        publishPublicModel("iris-fresh-tokens");
        int served = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            String token = JWT.token("0x" + String.format("%040x", 0xf00000 + i));
            HttpFixture.Reply reply = new HttpFixture(port).post("/v2/models/iris-fresh-tokens/versions/1/infer", ROW,
                    token);
            if (reply.status() == 200) {
                served++;
            } else {
                assertThat(reply.status()).isEqualTo(429);
                assertThat(reply.json().at("/parameters/refusal").asString()).isEqualTo("address_rate_limited");
                assertThat(reply.json().get("error").asString()).contains("network address 127.0.0.1");
                assertThat(reply.header("Retry-After")).isNotNull();
            }
        }
        // 4 callers' worth of the voted 2 a minute = 8 at once, refilled greedily (one more every 7.5 s)
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(served).isBetween(8, 8 + (int) Math.ceil(seconds * 8 / 60));
        log.info(String.format("%s: 100 fresh tokens from one address in %.1f s, %d served%n",
                getClass().getSimpleName(), seconds, served).strip());
    }

    @Test
    void a_spoofed_forwarded_for_from_an_untrusted_peer_is_ignored() throws Exception {
        publishPublicModel("iris-spoofed");
        HttpFixture http = new HttpFixture(port);
        int served = 0;
        for (int i = 0; i < 10; i++) {
            HttpFixture.Reply reply = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v2/models/iris-spoofed/versions/1/infer"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + i)
                    .POST(HttpRequest.BodyPublishers.ofString(ROW)).build());
            served += reply.status() == 200 ? 1 : 0;
            if (reply.status() != 200) {
                assertThat(reply.json().get("error").asString()).as("the peer's bucket, not the claimed address's")
                        .contains("anon:127.0.0.1");
            }
        }
        assertThat(served).as("one anonymous bucket of 2 a minute, whatever the header claims").isEqualTo(2);
    }

    private void publishPublicModel(String model) throws InterruptedException {
        GovernanceFixture dao = new GovernanceFixture(dir, model);
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 2, 8, List.of(), "61"));
        publishAndAwait(dao, "1");
    }
}
