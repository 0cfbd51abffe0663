package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Locale;
import org.modeldao.app.base.Formats;
import org.modeldao.app.dashboard.OpenProposal;
import org.modeldao.app.dashboard.OpenProposals;

/** Proposals taking votes: time left (an estimate, and said to be one) and, when signed in, the member's own vote. */
class OpenProposalsPanel extends Panel {

    OpenProposalsPanel(OpenProposals open, boolean signedIn) {
        super("open-proposals", "Open for votes");
        if (open.shown().isEmpty()) {
            add(emptyState("No proposal is taking votes right now. Members with enough votes can start one:",
                    new Anchor("proposals/new", "New proposal")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("dashboard-list");
        open.shown().forEach(p -> list.add(item(p, signedIn)));
        add(list);
        if (open.total() > open.shown().size()) {
            add(new Anchor("proposals", "All " + Formats.number(open.total()) + " open proposals"));
        }
    }

    private static ListItem item(OpenProposal p, boolean signedIn) {
        Anchor title = new Anchor("proposal/" + p.id(), p.title().isBlank() ? "Proposal " + p.shortId() : p.title());
        title.addClassName("dashboard-item-title");
        Span deadline = new Span(timeLeft(p));
        deadline.addClassName("time-left");
        Div meta = new Div(deadline);
        meta.addClassName("dashboard-item-meta");
        if (signedIn) {
            Span vote = new Span(p.myVote().map(v -> "You voted " + capitalized(v.name())).orElse("You have not voted yet"));
            vote.addClassNames("my-vote", p.myVote().isPresent() ? "voted" : "not-voted");
            meta.add(vote);
        }
        return new ListItem(title, meta);
    }

    static String timeLeft(OpenProposal p) {
        String block = "block " + Formats.number(p.deadlineBlock()) + ", " + Formats.number(p.blocksLeft())
                + (p.blocksLeft() == 1 ? " block" : " blocks") + " from now";
        return p.timeLeft().filter(left -> !left.isZero())
                .map(left -> "Ends in about " + Formats.duration(left) + " (estimated from recent block times; " + block + ")")
                .orElse("Ends at " + block);
    }

    private static String capitalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
