package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway behind a reverse proxy on 127.0.0.1 (configured as trusted), sharing its buckets in
 * the real Redis on 127.0.0.1:6379 under a prefix of this run (deleted afterwards), with the
 * management endpoints opened to one network and a Basic credential instead of loopback.
 */
@TestPropertySource(properties = {
        "gateway.redis-uri=redis://127.0.0.1:6379",
        "gateway.client-address.trusted-proxies=127.0.0.1",
        "gateway.management.allowed-addresses=203.0.113.0/24",
        "gateway.management.username=scraper",
        "gateway.management.password={noop}s3cret"})
class ProxiedRedisGatewayIT extends GatewayOverHttp {

    private static final Logger log = LoggerFactory.getLogger(ProxiedRedisGatewayIT.class);

    static final String REDIS = "redis://127.0.0.1:6379";
    static final String PREFIX = "modeldao:test:proxied:" + UUID.randomUUID() + ":";
    static final String ROW = HttpFixture.irisRequest("r", "{}", 5.1, 3.5, 1.4, 0.2);

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void redisPrefix(DynamicPropertyRegistry registry) {
        registry.add("gateway.redis-key-prefix", () -> PREFIX);
    }

    @AfterAll
    static void deleteKeys() {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(500));
                keys.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void a_hundred_fresh_tokens_from_one_forwarded_address_are_held_to_the_per_address_limit_in_redis()
            throws Exception {
        publishPublicModel("iris-proxied-tokens");
        int served = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            HttpFixture.Reply reply = infer("iris-proxied-tokens", "198.51.100.20",
                    JWT.token("0x" + String.format("%040x", 0xe00000 + i)));
            served += reply.status() == 200 ? 1 : 0;
            if (reply.status() != 200) {
                assertThat(reply.status()).isEqualTo(429);
                assertThat(reply.json().get("error").asString()).contains("network address 198.51.100.20");
            }
        }
        // 4 callers' worth of the voted 2 a minute = 8 at once, refilled greedily (one more every 7.5 s)
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(served).isBetween(8, 8 + (int) Math.ceil(seconds * 8 / 60));
        log.info(String.format("%s: 100 fresh tokens from one address in %.1f s, %d served%n",
                getClass().getSimpleName(), seconds, served).strip());
        assertThat(redisKeyCount()).as("the buckets are in Redis").isPositive();
    }

    @Test
    void distinct_forwarded_addresses_get_distinct_buckets_behind_a_trusted_proxy() throws Exception {
        publishPublicModel("iris-proxied-anonymous");
        for (String client : List.of("198.51.100.1", "198.51.100.2", "2001:db8::7")) {
            assertThat(infer("iris-proxied-anonymous", client, null).status()).as(client).isEqualTo(200);
            assertThat(infer("iris-proxied-anonymous", client, null).status()).as(client).isEqualTo(200);
            HttpFixture.Reply third = infer("iris-proxied-anonymous", client, null);
            assertThat(third.status()).as(client).isEqualTo(429);
        }
        // a client cannot pick its address by prepending to the header: the proxy's entry is the one believed
        HttpFixture.Reply prepended = infer("iris-proxied-anonymous", "203.0.113.99, 198.51.100.1", null);
        assertThat(prepended.status()).isEqualTo(429);
        assertThat(prepended.json().get("error").asString()).contains("198.51.100.1");
    }

    @Test
    void management_answers_the_allowed_network_or_the_credentials_and_refuses_everyone_else() {
        HttpFixture http = new HttpFixture(port);
        assertThat(http.send(actuator("/actuator/prometheus", "203.0.113.7", null)).status()).isEqualTo(200);
        HttpFixture.Reply outsider = http.send(actuator("/actuator/prometheus", "198.51.100.1", null));
        assertThat(outsider.status()).isEqualTo(401);
        assertThat(outsider.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(outsider.raw().body()).doesNotContain("gateway_");
        assertThat(http.send(actuator("/actuator/prometheus", null, null)).status())
                .as("loopback is not in this gateway's list").isEqualTo(401);
        assertThat(http.send(actuator("/actuator/prometheus", "198.51.100.1", "scraper:s3cret")).status())
                .isEqualTo(200);
        assertThat(http.send(actuator("/actuator/prometheus", "198.51.100.1", "scraper:wrong")).status())
                .isEqualTo(401);
        assertThat(http.send(actuator("/actuator/health", "198.51.100.1", null)).status()).isEqualTo(200);
    }

    private HttpFixture.Reply infer(String model, String forwardedFor, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v2/models/" + model + "/versions/1/infer"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(ROW));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new HttpFixture(port).send(request.build());
    }

    private HttpRequest actuator(String path, String forwardedFor, String basic) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (basic != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private void publishPublicModel(String model) throws InterruptedException {
        GovernanceFixture dao = new GovernanceFixture(dir, model);
        dao.approveDemo("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 2, 8, List.of(), "62"));
        publishAndAwait(dao, "1");
    }

    private static long redisKeyCount() {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().scan(ScanCursor.INITIAL, ScanArgs.Builder.matches(PREFIX + "*").limit(10_000))
                    .getKeys().size();
        } finally {
            client.shutdown();
        }
    }
}
