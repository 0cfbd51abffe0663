package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.verification.ArtifactVerifier;

/**
 * A version approved with a prose-only model card (what the app's form fields write): served
 * by its ONNX graph's own signature, without labels — and an output-side constraint, which
 * needs labels to be checked, refuses every call instead of passing unchecked.
 */
class UnlabeledModelIT extends GatewayOverHttp {

    @TempDir
    Path dir;

    @Test
    void a_prose_card_serves_the_graphs_signature_and_label_constraints_fail_closed() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-prose-card");
        DemoModel demo = DemoModels.iris("2");
        Path artifact = Files.write(dir.resolve("model.onnx"), demo.artifactBytes());
        byte[] card = """
                {"model": "iris-prose-card", "version": "2", "summary": "Logistic regression on iris measurements"}"""
                .getBytes(StandardCharsets.UTF_8);
        Path cardFile = Files.write(dir.resolve("card.json"), card);
        dao.approve(dao.model(), "2", demo.artifactSha256(), artifact.toUri().toString(), ArtifactVerifier.sha256Hex(card),
                cardFile.toUri().toString());
        publishAndAwait(dao, "2");
        HttpFixture http = new HttpFixture(port);
        String infer = "/v2/models/" + dao.model() + "/versions/2/infer";

        HttpFixture.Reply metadata = http.get("/v2/models/" + dao.model() + "/versions/2");
        assertThat(metadata.json().at("/inputs/0/name").asString()).isEqualTo("input");
        assertThat(metadata.json().at("/inputs/0/datatype").asString()).isEqualTo("FP32");
        assertThat(metadata.json().at("/inputs/0/shape").toString()).isEqualTo("[-1,4]");
        HttpFixture.Reply served = http.post(infer, HttpFixture.irisRequest("r1", "{}", 5.1, 3.5, 1.4, 0.2), null);
        assertThat(served.status()).as(served.raw().body()).isEqualTo(200);
        assertThat(served.json().path("outputs")).as("no labels: the model's own output only").hasSize(1);
        assertThat(served.json().at("/outputs/0/shape").toString()).isEqualTo("[1,3]");

        dao.constraint(GovernanceFixture.constraint(71, ConstraintKind.MIN_CONFIDENCE, "", 0.5, 0, List.of(),
                "abstain when unsure"));
        governance.publish(dao.snapshot());
        HttpFixture.Reply refused = http.post(infer, HttpFixture.irisRequest("r2", "{}", 5.1, 3.5, 1.4, 0.2), null);
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.json().get("error").asString()).contains("no output labels", "50071");
        assertThat(refused.json().has("outputs")).isFalse();
    }
}
