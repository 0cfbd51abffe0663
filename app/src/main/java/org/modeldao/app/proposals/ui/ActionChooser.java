package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.modeldao.app.proposals.ProposalAction;

/**
 * The wizard's action picker: choose an action, fill in its form, and {@link #addChosen()} builds it. After an action is
 * added the picker is cleared, so it never shows a choice whose form is gone.
 */
final class ActionChooser extends Div {

    /** An action built from its form (kept for editing), with what voters should read besides it. */
    record Chosen(ProposalAction action, Optional<String> note, ActionForm form) {
    }

    private final Select<String> kind = new Select<>();
    private final Div formArea = new Div();
    private ActionForm form;

    ActionChooser(Map<String, Supplier<ActionForm>> kinds) {
        kind.setLabel("Action");
        kind.setId("action-type");
        kind.setPlaceholder("Choose what the proposal should do");
        kind.setItems(kinds.keySet());
        // wide enough for the longest option; never wider than a phone screen
        kind.setWidth("24em");
        kind.getStyle().set("max-width", "100%");
        kind.setManualValidation(true);
        kind.addValueChangeListener(change -> show(change.getValue() == null ? null : kinds.get(change.getValue()).get()));
        add(kind, formArea);
        // as wide as the wizard, not as its widest form: a two-column form would otherwise push a phone sideways
        setWidthFull();
    }

    /**
     * Builds the chosen form's action (its validation may refuse it, leaving the form as it is), or asks, next to the
     * picker, for an action to be chosen first.
     */
    Optional<Chosen> addChosen() {
        if (form == null) {
            kind.setErrorMessage("Choose an action first, then fill in its form and press Add action");
            kind.setInvalid(true);
            return Optional.empty();
        }
        Chosen chosen = new Chosen(form.build(), form.note(), form);
        kind.clear();
        return Optional.of(chosen);
    }

    private void show(ActionForm chosen) {
        form = chosen;
        formArea.removeAll();
        kind.setInvalid(false);
        if (chosen != null) {
            formArea.add(chosen.component());
        }
    }
}
