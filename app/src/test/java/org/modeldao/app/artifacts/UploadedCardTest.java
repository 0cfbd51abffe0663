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
        assertThatThrownBy(() -> UploadedCard.of("iris", "2", utf8("[1, 2]")))
                .isInstanceOf(InvalidArtifact.class).hasMessage("The model card file must hold a JSON object ({ ... }), not a list.");
        assertThatThrownBy(() -> UploadedCard.of("iris", "2", utf8("")))
                .isInstanceOf(InvalidArtifact.class).hasMessageContaining("is empty");
    }

    @Test
    void a_broken_card_says_what_is_wrong_and_where_without_parser_internals() {
        assertRefused("{\n  \"name\": \"iris\",\n  version: \"2\"\n}",
                "The model card file is not valid JSON: unexpected character 'v' where a field name in double quotes should start"
                        + " (line 3, column 3). Nothing was stored.");
        assertRefused("{\"name\": \"iris\",\n \"version\": \"2\"", "the file ends before the JSON is complete");
        assertRefused("{\"name\": iris}", "unknown word 'iris' (text values need double quotes) (line 1, column 10)");
        assertRefused("{\"name\": \"iris\" \"version\": \"2\"}", "unexpected character '\"' where a comma or a closing bracket should be (line 1, column 17)");
        assertRefused("{\"version\": \"2\",\n\"version\": \"3\"}", "field \"version\" appears twice (line 2");
        assertRefused("{\"name\": \"iris\"}\n{\"version\": \"3\"}", "there is more after the JSON object (line 2, column 1)");
    }

    @Test
    void a_name_or_version_that_is_not_text_names_the_field() {
        assertThatThrownBy(() -> UploadedCard.of("iris", "2", utf8("{\"name\": \"iris\", \"version\": 2}")))
                .isInstanceOf(InvalidArtifact.class)
                .hasMessage("In the model card file, field \"version\" must be text in double quotes, not a number.");
    }

    @Test
    void a_card_file_larger_than_a_mebibyte_is_refused_unread() {
        byte[] big = new byte[UploadedCard.MAX_BYTES + 1];
        assertThatThrownBy(() -> UploadedCard.check(big)).isInstanceOf(InvalidArtifact.class).hasMessageContaining("larger than 1024 KiB");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> UploadedCard.of("iris", "2", utf8(json)))
                .isInstanceOf(InvalidArtifact.class)
                .hasMessageContaining(message)
                .hasMessageNotContainingAny("Jackson", "tools.", "Source:", "REDACTED", "code ");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
