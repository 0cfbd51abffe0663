package org.modeldao.gateway.approval.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GatewayApplication;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.api.JwtFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An operator's restart while the chain node is down: a gateway follows a real DAO on Hardhat
 * and persists the approved set; it is stopped, the node is stopped, and a new gateway process
 * (a new application context on the same state file and deployment) must serve the persisted
 * set from its first request, with its artifacts hashed again, and say it is degraded.
 */
class RestartWithNodeDownIT {

    static final JwtFixture JWT = new JwtFixture();
    static ChainFixture dao;
    static Path dir;

    @BeforeAll
    static void chain() throws Exception {
        dir = Files.createTempDirectory("restart-node-down-it");
        dao = new ChainFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        JWT.close();
        if (dao != null) {
            dao.close();
        }
    }

    private static ConfigurableApplicationContext gateway(Path descriptor, String database) {
        // command-line arguments: they outrank application.yml
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--gateway.chain.deployment-file=" + descriptor, "--gateway.chain.poll-interval=100ms",
                "--gateway.chain.state-file=" + dir.resolve("approved-state.json"),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + JWT.jwksUri(),
                "--gateway.sources.allow-file=true"); // the DAO votes file: URIs of the files written to dir
    }

    private static HttpFixture http(ConfigurableApplicationContext context) {
        return new HttpFixture(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static HttpFixture.Reply infer(HttpFixture http) {
        return http.post("/v2/models/iris/infer", HttpFixture.irisRequest("x", "{}", 6.0, 2.9, 4.5, 1.5), null);
    }

    @Test
    void a_gateway_restarted_while_the_node_is_down_serves_the_persisted_set_from_its_first_request() throws Exception {
        Path descriptor = dao.writeDescriptor(dir);
        var files = DemoModels.iris("1").writeTo(dir.resolve("iris"));
        try (ConfigurableApplicationContext first = gateway(descriptor, "restart-first")) {
            dao.pass("Approve iris v1, current", dao.approve("iris", DemoModels.iris("1"), files),
                    dao.actions.setCurrentVersion("iris", "1"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (infer(http(first)).status() != 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(infer(http(first)).status()).isEqualTo(200);
        }
        assertThat(Files.readString(dir.resolve("approved-state.json"))).contains("\"iris\"");

        dao.close(); // the node is gone: the descriptor's RPC URL (the proxy) now leads nowhere
        dao = null;

        try (ConfigurableApplicationContext second = gateway(descriptor, "restart-second")) {
            HttpFixture http = http(second);
            HttpFixture.Reply first = infer(http);
            assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
            assertThat(first.json().get("model_version").asString()).isEqualTo("1");
            assertThat(first.json().at("/parameters/artifact_sha256").asString())
                    .isEqualTo(DemoModels.iris("1").artifactSha256());

            HttpFixture.Reply ready = http.get("/v2/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asString()).isEqualTo("degraded");
            assertThat(ready.json().at("/parameters/from_persisted_state").asBoolean()).isTrue();
        }

        // restored does not mean trusted: the bytes are hashed again, so a file changed meanwhile is not served
        byte[] tampered = Files.readAllBytes(files.artifact());
        tampered[tampered.length / 2] ^= 0x20;
        Files.write(files.artifact(), tampered);
        try (ConfigurableApplicationContext third = gateway(descriptor, "restart-third")) {
            HttpFixture.Reply refused = http(third).post("/v2/models/iris/versions/1/infer",
                    HttpFixture.irisRequest("x", "{}", 6.0, 2.9, 4.5, 1.5), null);
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
            assertThat(http(third).get("/v2/models/iris/versions/1").json().at("/parameters/quarantine_reason").asString())
                    .contains("does not match the voted sha256");
        }
    }
}
