package org.modeldao.app.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.onnxchecks.ExternalDataModels;
import org.modeldao.app.artifacts.internal.LocalArtifactStore;
import org.modeldao.app.artifacts.internal.OnnxModelInspector;
import org.modeldao.demomodels.DemoModels;

/** Publishing with the real ONNX Runtime: only a loadable graph is stored, and its signature is read from it. */
class ArtifactServiceTest {

    static final byte[] IRIS_V2 = DemoModels.iris("2").artifactBytes();
    static final ModelCard CARD = new ModelCard("iris-classifier", "2", "Logistic regression on iris", "teaching",
            "3 species only", "UCI iris", "accuracy 0.96", "Apache-2.0");

    @TempDir
    Path folder;

    ArtifactService service(long maxSizeBytes) {
        ArtifactProperties properties = new ArtifactProperties(folder, "https://dao.example/artifacts", maxSizeBytes);
        return new ArtifactService(new LocalArtifactStore(properties), new OnnxModelInspector(properties));
    }

    @Test
    void publishing_a_real_model_yields_an_approval_naming_both_hashes_and_urls() {
        String sha = Sha256.of(IRIS_V2).hex();
        var approval = service(1 << 20).publish(new ByteArrayInputStream(IRIS_V2), Optional.of(sha), "onnx", CARD);

        assertThat(approval.artifactSha256()).isEqualTo("0x" + sha);
        assertThat(approval.artifactUri()).isEqualTo("https://dao.example/artifacts/" + sha);
        assertThat(approval.cardSha256()).isEqualTo(Sha256.of(CARD.canonicalJson()).prefixed());
        assertThat(service(1 << 20).card(approval.cardSha256())).contains(CARD);
    }

    @Test
    void the_signature_is_read_from_the_graph_itself() {
        ModelSignature signature = service(1 << 20).storeModel(new ByteArrayInputStream(IRIS_V2), Optional.empty()).signature();

        assertThat(signature.inputs()).containsExactly(new ModelSignature.Tensor("input", "float32", List.of(-1L, 4L)));
        assertThat(signature.outputs()).containsExactly(new ModelSignature.Tensor("output", "float32", List.of(-1L, 3L)));
        assertThat(signature.describe()).isEqualTo("inputs: input float32 [-1, 4]; outputs: output float32 [-1, 3]");
    }

    @Test
    void a_model_with_an_external_data_tensor_anywhere_is_refused_before_onnx_runtime_opens_it_and_nothing_is_stored() throws Exception {
        ExternalDataModels.all().forEach((where, model) -> {
            assertThatThrownBy(() -> service(1 << 20).storeModel(new ByteArrayInputStream(model), Optional.empty())).as(where)
                    .isInstanceOf(ExternalDataRefused.class)
                    .hasMessageStartingWith("This model keeps tensor data in files outside itself (tensor '")
                    .hasMessageContaining("self-contained");
        });
        assertThatThrownBy(() -> service(1 << 20).publish(new ByteArrayInputStream(ExternalDataModels.externalInitializer()), Optional.empty(),
                "onnx", CARD)).isInstanceOf(ExternalDataRefused.class)
                .hasMessageContaining("in the model › graph › initializer of '");
        assertStoreEmpty();
    }

    @Test
    void every_demo_model_still_passes_the_scan_and_loads() {
        for (String version : List.of("1", "2")) {
            byte[] demo = DemoModels.iris(version).artifactBytes();
            assertThat(service(1 << 20).storeModel(new ByteArrayInputStream(demo), Optional.empty()).signature().inputs()).as(version)
                    .isNotEmpty();
        }
    }

    @Test
    void a_text_file_named_like_a_model_is_refused_and_nothing_is_stored() throws Exception {
        byte[] text = "this is not a model, just 37 bytes.\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> service(1 << 20).publish(new ByteArrayInputStream(text), Optional.empty(), "onnx", CARD))
                .isInstanceOf(NotAnOnnxModel.class)
                .hasMessage("This file is not an ONNX model that can be served: it does not parse as an ONNX protobuf"
                        + " (another kind of file, or an incomplete one). Nothing was stored.");
        assertStoreEmpty();
    }

    @Test
    void a_truncated_model_is_refused_and_nothing_is_stored() throws Exception {
        byte[] truncated = Arrays.copyOf(IRIS_V2, IRIS_V2.length / 2);

        assertThatThrownBy(() -> service(1 << 20).storeModel(new ByteArrayInputStream(truncated), Optional.empty()))
                .isInstanceOf(NotAnOnnxModel.class).hasMessageContaining("not an ONNX model");
        assertStoreEmpty();
    }

    @Test
    void a_file_over_the_size_limit_is_refused_before_onnx_runtime_opens_it() throws Exception {
        Path big = Files.write(Files.createTempFile("big-", ".onnx"), IRIS_V2);
        try {
            assertThatThrownBy(() -> service(IRIS_V2.length - 1).inspect(big)).isInstanceOf(InvalidArtifact.class)
                    .isNotInstanceOf(NotAnOnnxModel.class).hasMessageContaining("larger than the " + (IRIS_V2.length - 1));
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void a_card_upload_must_be_a_json_object() throws Exception {
        byte[] broken = "{\n  \"name\": \"iris\",\n  version: \"2\"\n}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> service(1 << 20).storeCard(new ByteArrayInputStream(broken), Optional.empty()))
                .isInstanceOf(InvalidArtifact.class).hasMessageContaining("line 3, column 3");
        assertStoreEmpty();
        byte[] card = DemoModels.iris("2").cardBytes();
        assertThat(service(1 << 20).storeCard(new ByteArrayInputStream(card), Optional.empty()).sha256())
                .isEqualTo(Sha256.of(card));
    }

    private void assertStoreEmpty() throws Exception {
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }
}
