package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.verification.ArtifactVerifier;
import org.modeldao.onnxchecks.ExternalDataModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DAO votes an artifact whose hash matches but whose tensors point at a file on the gateway's
 * disk ({@code location=/etc/passwd}), with a model card that declares a servable signature — so
 * without the scan the engine would load it and serve weights read from that file. Every place a
 * tensor can sit is tried; each version is quarantined with the reason visible in metadata and
 * the decision log, and refused at {@code /infer}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:external-data;DB_CLOSE_DELAY=-1",
        "gateway.chain.state-file=target/external-data-state.json"})
class ExternalDataArtifactIT {

    static final DemoModel CARD = DemoModels.iris("2");

    @LocalServerPort
    int port;
    @Autowired
    GovernanceState governance;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_voted_artifact_with_external_data_is_quarantined_and_never_served() throws Exception {
        Path dir = Files.createTempDirectory("external-data");
        GovernanceFixture dao = new GovernanceFixture(dir, "leak");
        Path card = Files.write(dir.resolve("card.json"), CARD.cardBytes());
        List<String> models = new ArrayList<>();
        for (Map.Entry<String, byte[]> variant : ExternalDataModels.all().entrySet()) {
            String model = "leak" + models.size();
            Path artifact = Files.write(dir.resolve(model + ".onnx"), variant.getValue());
            dao.approve(model, "1", ArtifactVerifier.sha256Hex(variant.getValue()), artifact.toUri().toString(),
                    CARD.cardSha256(), card.toUri().toString());
            models.add(model);
        }
        governance.publish(dao.snapshot());
        HttpFixture http = new HttpFixture(port);

        for (String model : models) {
            HttpFixture.Reply meta = awaitQuarantined(http, model);
            assertThat(meta.json().at("/parameters/quarantine_reason").asString())
                    .startsWith(VersionLoader.EXTERNAL_DATA + " (tensor '")
                    .contains("ONNX Runtime would read those paths from the gateway's disk");
            assertThat(http.post("/v2/models/" + model + "/versions/1/infer",
                    HttpFixture.irisRequest("x", "{}", 6.0, 2.9, 4.5, 1.5), null).status()).isEqualTo(409);
        }
        assertThat(jdbc.queryForList("SELECT detail FROM decision_log WHERE kind = 'QUARANTINE' AND model LIKE 'leak%'",
                String.class)).hasSize(models.size()).allMatch(detail -> detail.contains(VersionLoader.EXTERNAL_DATA));
    }

    private static HttpFixture.Reply awaitQuarantined(HttpFixture http, String model) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        HttpFixture.Reply meta = http.get("/v2/models/" + model + "/versions/1");
        while (!"quarantined".equals(meta.json().at("/parameters/state").asString()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            meta = http.get("/v2/models/" + model + "/versions/1");
        }
        assertThat(meta.json().at("/parameters/state").asString()).as(model + ": " + meta.raw().body()).isEqualTo("quarantined");
        return meta;
    }
}
