package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.html.Span;
import org.modeldao.contracts.ProposalState;

/** A proposal state as a coloured Lumo badge. */
public final class StateBadge {

    private StateBadge() {
    }

    public static Span of(ProposalState state) {
        Span badge = new Span(state.name().toLowerCase());
        String theme = switch (state) {
            case ACTIVE, QUEUED -> "badge";
            case SUCCEEDED, EXECUTED -> "badge success";
            case DEFEATED, CANCELED, EXPIRED -> "badge error";
            case PENDING -> "badge contrast";
        };
        badge.getElement().getThemeList().add(theme);
        badge.addClassName("proposal-state");
        return badge;
    }
}
