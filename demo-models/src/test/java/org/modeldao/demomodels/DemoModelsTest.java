package org.modeldao.demomodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.demomodels.internal.DemoModelBuilder;

class DemoModelsTest {

    @Test
    void the_jar_lists_two_iris_versions_with_distinct_hashes() {
        assertThat(DemoModels.all()).extracting(DemoModel::version).containsExactly("1", "2");
        assertThat(DemoModels.iris("1").artifactSha256()).hasSize(64).isNotEqualTo(DemoModels.iris("2").artifactSha256());
        assertThat(DemoModels.iris("1").cardSha256()).isNotEqualTo(DemoModels.iris("2").cardSha256());
    }

    @Test
    void retraining_reproduces_the_shipped_bytes_exactly(@TempDir Path dir) throws Exception {
        DemoModelBuilder.main(new String[] {dir.toString()});
        for (DemoModel model : DemoModels.all()) {
            byte[] again = java.nio.file.Files.readAllBytes(dir.resolve(model.artifactResource()));
            byte[] cardAgain = java.nio.file.Files.readAllBytes(dir.resolve(model.cardResource()));
            assertThat(again).isEqualTo(model.artifactBytes());
            assertThat(cardAgain).isEqualTo(model.cardBytes());
        }
    }

    @Test
    void each_card_declares_the_onnx_signature_labels_and_metrics() {
        String card = new String(DemoModels.iris("2").cardBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(card).contains("\"datatype\": \"FP32\"", "\"shape\": [-1, 4]", "\"labels\": [",
                "setosa", "versicolor", "virginica", "\"accuracy\":", "\"license\":", "\"intendedUse\":");
    }

    @Test
    void writing_to_a_directory_keeps_the_bytes_and_hashes(@TempDir Path dir) throws Exception {
        DemoModel model = DemoModels.iris("1");
        DemoModel.WrittenFiles files = model.writeTo(dir);
        assertThat(DemoModel.sha256Hex(java.nio.file.Files.readAllBytes(files.artifact()))).isEqualTo(model.artifactSha256());
    }
}
