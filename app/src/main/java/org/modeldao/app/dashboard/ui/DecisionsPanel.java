package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.modeldao.app.base.Formats;
import org.modeldao.app.dashboard.RecentDecision;

/** The latest executed proposals, each linked to its page and to the transaction in the governance history. */
class DecisionsPanel extends Panel {

    DecisionsPanel(List<RecentDecision> decisions) {
        super("recent-decisions", "Recent decisions");
        if (decisions.isEmpty()) {
            add(emptyState("Nothing has been executed yet. A proposal shows up here once it passed and was executed.",
                    new Anchor("proposals", "See the proposals")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("dashboard-list");
        decisions.forEach(d -> {
            Anchor title = new Anchor("proposal/" + d.proposalId(), d.title().isBlank() ? "Proposal " + d.shortId() : d.title());
            title.addClassName("dashboard-item-title");
            Anchor tx = new Anchor("history?text=" + d.transactionHash(), Formats.shortHash(d.transactionHash()));
            tx.setTitle(d.transactionHash());
            tx.addClassName("address");
            Div meta = new Div(new Span("Executed " + Formats.chainTime(d.executedAt()) + " in "), tx);
            meta.addClassName("dashboard-item-meta");
            list.add(new ListItem(title, meta));
        });
        add(list, new Anchor("history", "Full governance history"));
    }
}
