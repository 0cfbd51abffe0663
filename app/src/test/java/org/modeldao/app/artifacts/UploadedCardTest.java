package org.modeldao.app.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadedCardTest {

    /** Shaped like demo-models' cards: "name", not "model", and the signature the gateway needs. */
    private static final byte[] CARD = """
            {
              "name": "iris",
              "version": "2",
              "inputs": [{"name": "input", "datatype": "FP32", "shape": [-1, 4]}],
              "labels": ["setosa", "versicolor", "virginica"]
            }
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void a_pipeline_card_is_kept_byte_for_byte() {
        assertThat(UploadedCard.of("iris", "2", CARD).json()).isEqualTo(CARD);
    }

    @Test
    void a_card_for_another_model_or_version_is_refused() {
        byte[] card = CARD;
        assertThatThrownBy(() -> UploadedCard.of("iris", "3", card)).isInstanceOf(InvalidArtifact.class)
                .hasMessageContaining("version 2, not 3");
        assertThatThrownBy(() -> UploadedCard.of("wine", "2", card)).isInstanceOf(InvalidArtifact.class)
                .hasMessageContaining("'iris', not 'wine'");
    }

    @Test
    void anything_but_a_json_object_is_refused() {
        assertThatThrownBy(() -> UploadedCard.of("iris", "2", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArtifact.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> UploadedCard.of("iris", "2", "[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArtifact.class).hasMessageContaining("JSON object");
    }
}
