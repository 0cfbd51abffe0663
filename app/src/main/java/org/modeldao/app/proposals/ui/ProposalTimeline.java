package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.modeldao.app.base.Formats;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalDetails.TimelineEntry;
import org.modeldao.contracts.ProposalState;

/** The proposal's steps that happened or can still happen, reached ones marked, with block and time. */
final class ProposalTimeline {

    private ProposalTimeline() {
    }

    static UnorderedList of(ProposalDetails p) {
        UnorderedList list = new UnorderedList();
        list.setId("timeline");
        for (TimelineEntry step : stillPossible(p.overview().state(), p.timeline())) {
            StringBuilder text = new StringBuilder(step.reached() ? "✔ " : "○ ").append(step.label());
            step.block().ifPresent(b -> text.append(" · block ").append(b));
            step.at().ifPresent(at -> text.append(" · ").append(Formats.chainTime(at)));
            step.transactionHash().ifPresent(tx -> text.append(" · tx ").append(tx, 0, Math.min(12, tx.length())).append('…'));
            ListItem item = new ListItem(text.toString());
            item.addClassName(step.reached() ? "step-reached" : "step-pending");
            list.add(item);
        }
        return list;
    }

    /** States after which nothing more happens to a proposal. */
    private static final Set<ProposalState> FINAL = EnumSet.of(ProposalState.CANCELED, ProposalState.DEFEATED,
            ProposalState.EXPIRED, ProposalState.EXECUTED);

    /**
     * The steps worth showing: once a proposal is final, steps it never reached cannot happen any
     * more (a defeated proposal is never queued), so listing them would only mislead.
     */
    static List<TimelineEntry> stillPossible(ProposalState state, List<TimelineEntry> timeline) {
        return FINAL.contains(state) ? timeline.stream().filter(TimelineEntry::reached).toList() : timeline;
    }
}
