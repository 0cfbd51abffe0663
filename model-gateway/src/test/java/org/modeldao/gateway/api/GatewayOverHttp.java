package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.policy.VotesLookup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port, fed governance snapshots directly (the chain sync has
 * its own tests), with bearer tokens from a local JWKS and voting power from {@link #VOTES}.
 * OIP over gRPC listens on a free port too ({@code grpc.GrpcOipIT}). Test classes extending it
 * share one application context, so each model name they use must be their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:oip-api;DB_CLOSE_DELAY=-1",
        "gateway.max-request-bytes=20000",
        "gateway.chain.state-file=target/oip-api-state.json",
        "gateway.tokens.poll-interval=1s",
        "gateway.grpc.port=0"})
@Import(GatewayOverHttp.Votes.class)
public abstract class GatewayOverHttp {

    /** One key server for the JVM: the cached application context keeps its URL beyond any one test class. */
    protected static final JwtFixture JWT = new JwtFixture();
    protected static final Map<String, BigInteger> VOTES = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWT::jwksUri);
    }

    @TestConfiguration
    static class Votes {
        /** Voting power is the chain's business; ApprovalSyncIT reads it from a real token. */
        @Bean
        VotesLookup votesLookup() {
            return address -> VOTES.getOrDefault(address, BigInteger.ZERO);
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected GovernanceState governance;

    /** Publishes the fixture's governance and waits until each version answers ready. */
    protected void publishAndAwait(GovernanceFixture dao, String... versions) throws InterruptedException {
        governance.publish(dao.snapshot());
        HttpFixture http = new HttpFixture(port);
        for (String v : versions) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!http.get("/v2/models/" + dao.model() + "/versions/" + v + "/ready").raw().body().contains("true")) {
                assertThat(System.currentTimeMillis()).as("version %s loads", v).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }
}
