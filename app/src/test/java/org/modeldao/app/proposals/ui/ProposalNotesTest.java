package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalNotesTest {

    static final String SIGNATURE = "ONNX graph of iris v2: inputs: input float32 [-1, 4]; outputs: output float32 [-1, 3]";

    @Test
    void the_graph_signature_goes_under_the_rationale() {
        assertThat(ProposalNotes.append("Tuned version.", List.of(SIGNATURE)))
                .isEqualTo("Tuned version.\n\nChecked on upload with ONNX Runtime:\n- " + SIGNATURE);
    }

    @Test
    void the_notes_are_shortened_to_keep_the_rationale_within_its_limit() {
        String rationale = "x".repeat(ProposalNotes.RATIONALE_LIMIT - 60);

        String text = ProposalNotes.append(rationale, List.of(SIGNATURE));

        assertThat(text).hasSize(ProposalNotes.RATIONALE_LIMIT).startsWith(rationale).endsWith("…");
        assertThat(ProposalNotes.append("x".repeat(ProposalNotes.RATIONALE_LIMIT), List.of(SIGNATURE)))
                .hasSize(ProposalNotes.RATIONALE_LIMIT);
    }

    @Test
    void without_notes_or_rationale_nothing_is_added() {
        assertThat(ProposalNotes.append("Why", List.of())).isEqualTo("Why");
        assertThat(ProposalNotes.append(" ", List.of(SIGNATURE))).isEmpty();
    }
}
