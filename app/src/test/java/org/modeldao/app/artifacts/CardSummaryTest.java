package org.modeldao.app.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.modeldao.demomodels.DemoModels;

class CardSummaryTest {

    @Test
    void a_pipelines_card_reads_as_summary_use_limits_signature_labels_and_licence() {
        byte[] card = DemoModels.iris("2").cardBytes();

        CardSummary summary = CardSummary.of(CardJson.readObject(card));

        assertThat(summary.sections()).extracting(CardSummary.Section::heading)
                .containsSubsequence("Summary", "Intended use", "Out of scope", "Inputs", "Outputs", "Labels", "Metrics", "Licence");
        assertThat(text(summary, "Inputs")).isEqualTo("input FP32 [-1, 4]");
        assertThat(text(summary, "Labels")).contains("setosa");
        assertThat(text(summary, "Metrics")).startsWith("heldOutRows: 30, accuracy: ");
        assertThat(text(summary, "Licence")).startsWith("Apache-2.0");
    }

    @Test
    void the_apps_own_card_reads_in_the_same_order_and_a_long_section_is_cut() {
        ModelCard card = new ModelCard("iris", "2", "x".repeat(5_000), "Teaching", "Three species only", "", "", "MIT");

        CardSummary summary = CardSummary.of(CardJson.readObject(card.canonicalJson()));

        assertThat(summary.sections()).extracting(CardSummary.Section::heading)
                .containsExactly("Summary", "Intended use", "Limitations", "Licence");
        assertThat(text(summary, "Summary")).hasSize(CardSummary.MAX_SECTION + 1).endsWith("…");
    }

    @Test
    void a_card_without_the_usual_fields_has_no_sections() {
        CardSummary summary = CardSummary.of(CardJson.readObject("{\"owner\": \"lab\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(summary.sections()).isEmpty();
    }

    private static String text(CardSummary summary, String heading) {
        return summary.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow().text();
    }
}
