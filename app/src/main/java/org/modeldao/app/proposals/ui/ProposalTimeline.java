package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.modeldao.app.proposals.ProposalDetails;

/** The proposal's steps, reached ones marked, with block and time. */
final class ProposalTimeline {

    private ProposalTimeline() {
    }

    static UnorderedList of(ProposalDetails p) {
        UnorderedList list = new UnorderedList();
        list.setId("timeline");
        for (ProposalDetails.TimelineEntry step : p.timeline()) {
            StringBuilder text = new StringBuilder(step.reached() ? "✔ " : "○ ").append(step.label());
            step.block().ifPresent(b -> text.append(" · block ").append(b));
            step.at().ifPresent(at -> text.append(" · ").append(at));
            step.transactionHash().ifPresent(tx -> text.append(" · tx ").append(tx, 0, Math.min(12, tx.length())).append('…'));
            ListItem item = new ListItem(text.toString());
            item.addClassName(step.reached() ? "step-reached" : "step-pending");
            list.add(item);
        }
        return list;
    }
}
