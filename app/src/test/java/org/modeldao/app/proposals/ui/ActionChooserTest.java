package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.modeldao.app.proposals.InvalidProposal;
import org.modeldao.app.proposals.ProposalAction;

class ActionChooserTest {

    private final Map<String, Supplier<ActionForm>> kinds = new LinkedHashMap<>();
    private final ActionChooser chooser;
    private final Select<String> select;

    ActionChooserTest() {
        kinds.put("Revoke a version", SimpleActionForms::revoke);
        kinds.put("Set the current version", SimpleActionForms::setCurrent);
        chooser = new ActionChooser(kinds);
        select = find(chooser, "action-type");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        return (T) Objects.requireNonNull(findOrNull(root, id), id);
    }

    /** Searches the whole tree: the chosen form sits inside the chooser's form area. */
    private static Component findOrNull(Component root, String id) {
        return root.getChildren().map(c -> c.getId().orElse("").equals(id) ? c : findOrNull(c, id))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Test
    void adding_with_no_action_chosen_says_what_to_do_next_to_the_picker() {
        assertThat(chooser.addChosen()).isEmpty();

        assertThat(select.isInvalid()).isTrue();
        assertThat(select.getErrorMessage()).contains("Choose an action first");

        select.setValue("Set the current version");
        assertThat(select.isInvalid()).isFalse();
    }

    @Test
    void an_added_action_clears_the_picker_and_its_form() {
        select.setValue("Set the current version");
        ((TextField) find(chooser, "model")).setValue("iris");
        ((TextField) find(chooser, "version")).setValue("2");

        ActionChooser.Chosen chosen = chooser.addChosen().orElseThrow();

        assertThat(chosen.action()).isEqualTo(new ProposalAction.SetCurrentVersion("iris", "2"));
        assertThat(select.getValue()).isNull();
        assertThat(findOrNull(chooser, "model")).isNull();
    }

    @Test
    void a_refused_action_keeps_its_form_and_choice() {
        select.setValue("Revoke a version");
        ((TextField) find(chooser, "model")).setValue("iris");
        ((TextField) find(chooser, "version")).setValue("2");

        assertThatThrownBy(chooser::addChosen).isInstanceOf(InvalidProposal.class);

        assertThat(select.getValue()).isEqualTo("Revoke a version");
        ((TextArea) find(chooser, "reason")).setValue("leaks data");
        assertThat(chooser.addChosen()).isPresent();
    }
}
