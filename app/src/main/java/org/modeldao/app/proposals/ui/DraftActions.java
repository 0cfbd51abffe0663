package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modeldao.app.proposals.InvalidProposal;
import org.modeldao.app.proposals.ProposalAction;

/**
 * The wizard's actions once added: one card each, in the order the proposal will run them, with
 * buttons to edit (its form opens in the card), move up, move down and remove. Plain buttons with
 * names that say which action they act on, so all of it works by keyboard and screen reader.
 */
final class DraftActions extends OrderedList {

    /** An added action, the form it came from (kept for editing) and what voters should read besides it. */
    private record Draft(ProposalAction action, Optional<String> note, ActionForm form) {
    }

    private final List<Draft> drafts = new ArrayList<>();
    /** The card whose form is open for editing, or -1. */
    private int editing = -1;

    DraftActions() {
        setId("draft-actions");
        addClassName("draft-actions");
    }

    void add(ProposalAction action, Optional<String> note, ActionForm form) {
        drafts.add(new Draft(action, note, form));
        render();
    }

    List<ProposalAction> actions() {
        return drafts.stream().map(Draft::action).toList();
    }

    List<String> notes() {
        return drafts.stream().map(Draft::note).flatMap(Optional::stream).toList();
    }

    /** Moves the action at {@code index} by {@code step} (-1 up, +1 down); at either end nothing moves. */
    void move(int index, int step) {
        int to = index + step;
        if (to < 0 || to >= drafts.size()) {
            return;
        }
        drafts.add(to, drafts.remove(index));
        editing = -1;
        render();
    }

    void remove(int index) {
        drafts.remove(index);
        editing = -1;
        render();
    }

    private void edit(int index) {
        editing = editing == index ? -1 : index;
        render();
    }

    /** Rebuilds the action from its (edited) form; a refusal is shown in the card and keeps the old action. */
    private void save(int index, Span error) {
        Draft draft = drafts.get(index);
        try {
            drafts.set(index, new Draft(draft.form().build(), draft.form().note().or(draft::note), draft.form()));
        } catch (InvalidProposal refused) {
            error.setText(refused.getMessage());
            error.setVisible(true);
            return;
        }
        editing = -1;
        render();
    }

    private void render() {
        removeAll();
        for (int i = 0; i < drafts.size(); i++) {
            add(card(i, drafts.get(i)));
        }
    }

    private ListItem card(int index, Draft draft) {
        int number = index + 1;
        Span text = new Span(draft.action().describe() + draft.note().map(n -> " — " + n).orElse(""));
        text.addClassName("draft-action-text");
        Button up = button("Up", "Move action " + number + " up", "draft-up", () -> move(index, -1));
        up.setEnabled(index > 0);
        Button down = button("Down", "Move action " + number + " down", "draft-down", () -> move(index, 1));
        down.setEnabled(index < drafts.size() - 1);
        Button remove = button("Remove", "Remove action " + number, "draft-remove", () -> remove(index));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        if (draft.form().editable()) {
            Button edit = button(editing == index ? "Close" : "Edit", (editing == index ? "Close action " : "Edit action ") + number,
                    "draft-edit", () -> edit(index));
            buttons.add(edit);
        }
        buttons.add(up, down, remove);
        ListItem card = new ListItem(text, buttons);
        card.addClassName("draft-action");
        if (editing == index) {
            Span error = new Span();
            error.addClassName("draft-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            error.setVisible(false);
            Button save = button("Save changes", "Save changes to action " + number, "draft-save", () -> save(index, error));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(new Div(draft.form().component()), save, error);
        }
        return card;
    }

    private static Button button(String label, String accessibleName, String className, Runnable action) {
        Button button = new Button(label, click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel(accessibleName);
        button.addClassName(className);
        return button;
    }
}
