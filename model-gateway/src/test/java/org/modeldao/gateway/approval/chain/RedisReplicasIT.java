package org.modeldao.gateway.approval.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GatewayApplication;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.api.JwtFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two whole gateway applications (replicas) following one real DAO on a Hardhat dev chain and
 * sharing rate-limit buckets in the real Redis on 127.0.0.1:6379: a caller's voted per-minute
 * limit holds across replicas, over HTTP. Keys live under a prefix of this run, deleted after.
 */
class RedisReplicasIT {

    static final String REDIS = "redis://127.0.0.1:6379";
    static final int PER_MINUTE = 4;
    static final JwtFixture JWT = new JwtFixture();
    static final String PREFIX = "modeldao:test:replicas:" + UUID.randomUUID() + ":";

    static ChainFixture dao;
    static Path dir;
    static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("redis-replicas-it");
        dao = new ChainFixture();
        Path descriptor = dao.writeDescriptor(dir);
        for (String name : List.of("a", "b")) {
            // command-line arguments: they override application.yml (builder defaults would not)
            replicas.add(new SpringApplicationBuilder(GatewayApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:mem:replica-" + name + ";DB_CLOSE_DELAY=-1",
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + JWT.jwksUri(),
                    "--gateway.chain.deployment-file=" + descriptor,
                    "--gateway.chain.state-file=" + dir.resolve("state-" + name + ".json"),
                    "--gateway.chain.poll-interval=100ms",
                    "--gateway.redis-uri=" + REDIS,
                    "--gateway.redis-key-prefix=" + PREFIX));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        replicas.forEach(ConfigurableApplicationContext::close);
        try {
            deleteKeys();
        } finally {
            JWT.close();
            dao.close();
        }
    }

    static HttpFixture http(int replica) {
        return new HttpFixture(((WebServerApplicationContext) replicas.get(replica)).getWebServer().getPort());
    }

    static HttpFixture.Reply infer(int replica, String caller) {
        return http(replica).post("/v2/models/shared/versions/1/infer",
                HttpFixture.irisRequest("r", "{}", 5.1, 3.5, 1.4, 0.2), JWT.token(caller));
    }

    @Test
    void one_callers_voted_limit_is_shared_by_both_replicas() throws Exception {
        DevGovernance.PassedProposal passed = dao.pass("Serve shared v1, " + PER_MINUTE + " calls a minute per caller",
                dao.approve("shared", DemoModels.iris("1"), DemoModels.iris("1").writeTo(dir.resolve("shared"))),
                dao.actions.setAccessPolicy("shared", new ModelRegistry.AccessPolicy(
                        RegistryKinds.PolicyKind.PUBLIC.code(), BigInteger.ZERO, BigInteger.valueOf(PER_MINUTE),
                        BigInteger.valueOf(8), List.of())));
        // policy and approval come in one block: once a replica serves the version, it has the policy
        for (int replica = 0; replica < 2; replica++) {
            awaitReady(replica);
        }
        String caller = dao.members.get(1).getAddress();
        for (int call = 0; call < PER_MINUTE; call++) {
            HttpFixture.Reply reply = infer(call % 2, caller);
            assertThat(reply.status()).as("call %d on replica %d: %s", call, call % 2, reply.raw().body()).isEqualTo(200);
        }
        // each replica has seen only half of the caller's calls; a limiter of its own would admit more
        for (int replica = 0; replica < 2; replica++) {
            HttpFixture.Reply refused = infer(replica, caller);
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(429);
            assertThat(refused.json().get("error").asString()).contains(PER_MINUTE + " requests per minute");
            assertThat(refused.json().at("/parameters/refusal").asString()).isEqualTo("rate_limited");
            assertThat(refused.json().at("/parameters/policy").asString()).isEqualTo("PUBLIC");
            assertThat(refused.json().at("/parameters/policy_proposal_id").asString())
                    .isEqualTo(passed.proposalId().toString());
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        }
        // another caller has a bucket of its own, on either replica
        assertThat(infer(0, dao.members.get(2).getAddress()).status()).isEqualTo(200);
        assertThat(infer(1, dao.members.get(2).getAddress()).status()).isEqualTo(200);
        // the two callers' buckets and the one of the address they share (the public model's per-address limit)
        assertThat(keys()).as("buckets live in Redis under this run's prefix").hasSize(3);
    }

    static void awaitReady(int replica) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!http(replica).get("/v2/models/shared/versions/1/ready").raw().body().contains("true")) {
            assertThat(System.currentTimeMillis()).as("replica %d loads shared v1", replica).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    static List<String> keys() {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> found = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(500));
                found.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
            return found;
        } finally {
            client.shutdown();
        }
    }

    static void deleteKeys() {
        List<String> keys = keys();
        if (keys.isEmpty()) {
            return;
        }
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().del(keys.toArray(String[]::new));
        } finally {
            client.shutdown();
        }
    }
}
