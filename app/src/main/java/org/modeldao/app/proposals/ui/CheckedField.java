package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import org.modeldao.app.proposals.InvalidProposal;

/**
 * A wizard field read as text and checked by the field itself, with a plain-words message on the
 * field: checked as the member leaves it, and again (all fields at once) when the action is added.
 */
abstract class CheckedField extends TextField {

    CheckedField(String label, String id) {
        super(label);
        setId(id);
        setWidthFull();
        // this field's own check decides; the built-in one (no constraints) would clear the mark on blur
        setManualValidation(true);
        addValueChangeListener(change -> check());
    }

    /** Whether the current text is acceptable. */
    abstract boolean valid();

    /** What to enter, shown when the text is not acceptable. */
    abstract String message();

    /** Marks the field invalid (with its message) unless its text is acceptable; true if it is. */
    boolean check() {
        boolean valid = valid();
        setErrorMessage(valid ? null : message());
        setInvalid(!valid);
        return valid;
    }

    /**
     * Checks every field (so all messages show at once, not one per click) and refuses the action if any is invalid,
     * naming the fields to fix. Hidden fields do not apply to the chosen kind and are not checked.
     */
    static void requireValid(CheckedField... fields) {
        List<String> invalid = Arrays.stream(fields).filter(CheckedField::isVisible).filter(f -> !f.check())
                .map(TextField::getLabel).toList();
        if (!invalid.isEmpty()) {
            throw new InvalidProposal("Check the highlighted fields: " + String.join(", ", invalid));
        }
    }
}
