package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.modeldao.app.artifacts.CardSummary;
import org.modeldao.app.base.Copyable;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.app.proposals.ProposalForm;

class ActionDetailsTest {

    private static final String ARTIFACT = "0x" + "a1".repeat(32);
    private static final String CARD = "0x" + "c2".repeat(32);
    private static final ProposalAction APPROVE = new ProposalAction.ApproveVersion("iris", "2", ARTIFACT,
            "https://models.example/iris-2.onnx", CARD, "https://models.example/iris-2.json", "onnx");
    private static final ProposalAction CURRENT = new ProposalAction.SetCurrentVersion("iris", "2");

    @Test
    void the_wizards_closing_list_of_actions_is_dropped_when_it_is_exactly_the_decoded_calls() {
        String description = new ProposalForm("Approve iris v2", "Better accuracy.", List.of(APPROVE, CURRENT)).description();

        assertThat(ActionDetails.withoutRepeatedActions(description, List.of(APPROVE, CURRENT)))
                .contains("# Approve iris v2\n\nBetter accuracy.");
    }

    @Test
    void a_list_that_differs_from_the_calls_in_any_way_stays_in_the_description() {
        String description = new ProposalForm("Approve iris v2", "Better accuracy.", List.of(APPROVE, CURRENT)).description();

        assertThat(ActionDetails.withoutRepeatedActions(description, List.of(APPROVE))).isEmpty();
        assertThat(ActionDetails.withoutRepeatedActions(description, List.of(CURRENT, APPROVE))).isEmpty();
        assertThat(ActionDetails.withoutRepeatedActions(description.replace("v2 the current", "v3 the current"),
                List.of(APPROVE, CURRENT))).isEmpty();
        assertThat(ActionDetails.withoutRepeatedActions("Just text", List.of())).isEmpty();
    }

    @Test
    void an_approval_shows_each_hash_once_short_with_a_copy_of_the_whole_and_the_stored_card_as_sections() {
        ListItem item = ActionDetails.of(APPROVE, sha -> sha.equals(CARD)
                ? Optional.of(new CardSummary(List.of(new CardSummary.Section("Summary", "Logistic regression"),
                        new CardSummary.Section("Licence", "MIT"))))
                : Optional.empty());

        String text = item.getElement().getTextRecursively();
        assertThat(text).startsWith("Approve model iris v2 (onnx)").contains("Model file: sha256 0xa1a1a1a1…a1a1")
                .contains("Model card: sha256 0xc2c2c2c2…c2c2").contains("SummaryLogistic regression").contains("LicenceMIT")
                .doesNotContain(ARTIFACT).doesNotContain(CARD).doesNotContain("https://models.example/iris-2.onnx");
        assertThat(descendants(item).filter(Copyable.class::isInstance)).hasSize(2);
        assertThat(descendants(item).filter(c -> c.getClassNames().contains("copyable-text"))
                .map(c -> c.getElement().getAttribute("title"))).containsExactly(ARTIFACT, CARD);
        assertThat(descendants(item).filter(c -> c.getClassNames().contains("chain-link"))
                .map(c -> c.getElement().getAttribute("href"))).containsExactly("https://models.example/iris-2.onnx",
                        "https://models.example/iris-2.json");
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ActionDetailsTest::descendants));
    }
}
