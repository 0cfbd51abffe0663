package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modeldao.app.base.Copyable;
import org.modeldao.app.base.Countdown;
import org.modeldao.app.base.Formats;
import org.modeldao.app.proposals.ChainClock;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalDetails.TimelineEntry;
import org.modeldao.contracts.ProposalState;

/**
 * The proposal's steps that happened or can still happen, reached ones marked, with block and
 * time; steps still to come that have a block or a time get an estimated countdown (the chain
 * knows a block's time only once it is mined, so it is computed from the average block time).
 */
final class ProposalTimeline {

    private ProposalTimeline() {
    }

    /** A step still to come and the estimated wait for it. */
    record Estimate(TimelineEntry step, Duration left) {

        /** "Voting ends", "Executable": the step as the subject of "in about 2 h". */
        String subject() {
            return step.label().equals("Executable at") ? "Executable" : step.label();
        }
    }

    static UnorderedList of(ProposalDetails p, Optional<ChainClock> clock) {
        UnorderedList list = new UnorderedList();
        list.setId("timeline");
        for (TimelineEntry step : stillPossible(p.overview().state(), p.timeline())) {
            StringBuilder text = new StringBuilder(step.reached() ? "✔ " : "○ ").append(step.label());
            step.block().ifPresent(b -> text.append(" · block ").append(Formats.number(b)));
            step.at().ifPresent(at -> text.append(" · ").append(Formats.chainTime(at)));
            ListItem item = new ListItem(new Span(text.toString()));
            step.transactionHash().ifPresent(tx -> item.add(new Span(" · "), new Copyable(tx, "tx " + Formats.shortHash(tx),
                    "transaction hash of " + step.label().toLowerCase())));
            clock.flatMap(c -> estimate(step, c)).ifPresent(e -> item.add(new Span(" · "), countdown(e, "step-countdown", " (estimate)")));
            item.addClassName(step.reached() ? "step-reached" : "step-pending");
            list.add(item);
        }
        return list;
    }

    /** The next step with an estimated time ("Voting ends in about 2 h 05 min"), for the line under the title. */
    static Optional<Component> timeLeft(ProposalDetails p, Optional<ChainClock> clock) {
        return clock.flatMap(c -> stillPossible(p.overview().state(), p.timeline()).stream()
                .map(step -> estimate(step, c)).flatMap(Optional::stream).findFirst()
                .map(e -> {
                    Countdown countdown = countdown(e, "time-left-countdown", "");
                    Span line = new Span(new Span(e.subject() + " "), countdown, new Span(" · estimated from "
                            + pace(c) + "; the chain decides the exact moment."));
                    line.setId("time-left");
                    return line;
                }));
    }

    /** Blocks still to mine (voting starts and ends) at the average block time; the timelock's end by chain time. */
    static Optional<Estimate> estimate(TimelineEntry step, ChainClock clock) {
        if (step.reached()) {
            return Optional.empty();
        }
        if (step.at().isPresent()) {
            return Optional.of(new Estimate(step, clock.untilChainTime(step.at().get())));
        }
        return step.block().map(block -> new Estimate(step, clock.untilBlock(block)));
    }

    private static Countdown countdown(Estimate e, String className, String suffix) {
        Countdown countdown = new Countdown(e.left(), "in ", suffix, "about now (waiting for the chain)");
        countdown.addClassName(className);
        return countdown;
    }

    private static String pace(ChainClock clock) {
        return "an average of " + Formats.duration(clock.averageBlockTime()) + " per block over the last "
                + Formats.number(ChainClock.SAMPLE_BLOCKS) + " blocks";
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
