package org.modeldao.gateway.approval.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.api.JwtFixture;
import org.modeldao.gateway.decisions.DecisionLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reorganisation deeper than the confirmations on a real Hardhat chain: the gateway applied
 * an approval, the chain is reverted past it (evm_revert) and mines another history while the
 * gateway cannot see it; back in touch, the block it applied last has another hash, and the
 * whole gateway (over HTTP) unloads what the canonical chain does not approve and loads what
 * it does, with a warning, {@code gateway_sync_reorgs_total} and a REORG audit entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:chain-reorg;DB_CLOSE_DELAY=-1",
        "gateway.chain.poll-interval=100ms",
        "gateway.chain.confirmations=1"})
class ChainReorgIT {

    static ChainFixture dao;
    static final JwtFixture JWT = new JwtFixture();
    static Path dir;

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("chain-reorg-it");
        dao = new ChainFixture();
        dao.configureGateway(registry, dir, JWT);
    }

    @AfterAll
    static void stop() throws Exception {
        JWT.close();
        dao.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DecisionLog audit;
    @Autowired
    JdbcTemplate jdbc;

    HttpFixture.Reply await(Supplier<HttpFixture.Reply> call, Predicate<HttpFixture.Reply> until) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        HttpFixture.Reply reply = call.get();
        while (!until.test(reply) && System.currentTimeMillis() < deadline) {
            Thread.sleep(25);
            reply = call.get();
        }
        return reply;
    }

    HttpFixture.Reply infer(String model) {
        return new HttpFixture(port).post("/v2/models/" + model + "/versions/1/infer",
                HttpFixture.irisRequest("r", "{}", 5.1, 3.5, 1.4, 0.2), null);
    }

    void approve(String model, String version) {
        dao.pass("Approve " + model + " v" + version,
                dao.approve(model, DemoModels.iris(version), DemoModels.iris(version).writeTo(dir.resolve(model))));
        dao.chain.mine(2); // buried under the one confirmation the gateway waits for
    }

    @Test
    void a_reorg_past_an_applied_approval_rebuilds_the_served_set_from_the_canonical_chain() throws Exception {
        approve("steady", "1");
        assertThat(await(() -> infer("steady"), r -> r.status() == 200).status()).isEqualTo(200);
        String beforeFleeting = dao.chain.snapshot();
        approve("fleeting", "1");
        assertThat(await(() -> infer("fleeting"), r -> r.status() == 200).status()).isEqualTo(200);
        long appliedHead = dao.chain.blockNumber();

        // the gateway loses sight of the node while the chain drops the approval and mines another history
        dao.proxy.stop();
        try {
            assertThat(dao.chain.revert(beforeFleeting)).isTrue();
            approve("lasting", "1");
            dao.chain.mine(3);
            assertThat(dao.chain.blockNumber()).as("the new history is longer").isGreaterThan(appliedHead);
        } finally {
            dao.proxy.start();
        }

        HttpFixture.Reply gone = await(() -> infer("fleeting"), r -> r.status() == 404);
        assertThat(gone.status()).as(gone.raw().body()).isEqualTo(404);
        assertThat(await(() -> infer("lasting"), r -> r.status() == 200).status()).isEqualTo(200);
        assertThat(infer("steady").status()).as("approved in both histories: still served").isEqualTo(200);

        assertThat(new HttpFixture(port).get("/actuator/prometheus").raw().body())
                .containsPattern("gateway_sync_reorgs_total(\\{[^}]*\\})? 1\\.0");
        audit.flush();
        List<String> reorgs = jdbc.queryForList("SELECT detail FROM audit_log WHERE kind = 'REORG'", String.class);
        assertThat(reorgs).singleElement().satisfies(detail -> assertThat(detail)
                .contains("is no longer canonical").contains("no longer approved [fleeting/1]")
                .contains("now approved [lasting/1]"));
    }
}
