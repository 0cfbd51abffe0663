package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Locale;
import java.util.function.Function;
import org.modeldao.contracts.ProposalState;

/** A proposal state as a coloured Lumo badge. */
public final class StateBadge {

    private static final String CLASS_NAME = "proposal-state";

    private StateBadge() {
    }

    public static Span of(ProposalState state) {
        Span badge = new Span(label(state));
        badge.getElement().getThemeList().add(theme(state));
        badge.addClassName(CLASS_NAME);
        return badge;
    }

    /**
     * The same badge for a grid column, drawn by the browser from two properties per row: a component
     * column sends a server-side component per row (the proposals list's first page was 71 KB of UIDL,
     * each badge a node to create, attach and confirm).
     */
    public static <T> LitRenderer<T> renderer(Function<T, ProposalState> stateOf) {
        return LitRenderer.<T>of("<span class=\"" + CLASS_NAME + "\" theme=\"${item.stateTheme}\">${item.state}</span>")
                .withProperty("state", item -> label(stateOf.apply(item)))
                .withProperty("stateTheme", item -> theme(stateOf.apply(item)));
    }

    static String label(ProposalState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static String theme(ProposalState state) {
        return switch (state) {
            case ACTIVE, QUEUED -> "badge";
            case SUCCEEDED, EXECUTED -> "badge success";
            case DEFEATED, CANCELED, EXPIRED -> "badge error";
            case PENDING -> "badge contrast";
        };
    }
}
