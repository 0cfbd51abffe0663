package org.modeldao.app.proposals.ui;

import org.modeldao.app.base.Formats;
import org.modeldao.app.artifacts.ArtifactService;
import org.modeldao.app.artifacts.CardSummary;
import org.modeldao.app.base.Copyable;
import org.modeldao.app.base.TransactionConfirmations;
import org.modeldao.app.base.TransactionProgress;
import org.modeldao.app.proposals.ChainClock;
import com.vaadin.flow.component.Text;
import org.modeldao.app.readmodel.LiveRefresh;
import org.modeldao.app.wallet.MemberWallet;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.wallet.DevWallet;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalDetails.CastVote;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.proposals.BallotBox;
import org.modeldao.app.proposals.ProposalService;
import org.modeldao.app.proposals.Votes;
import org.modeldao.app.wallet.WalletTransaction;
import org.modeldao.contracts.ProposalState;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One proposal: what it does in plain language, tallies and quorum, the timeline, the votes
 * with reasons (a lazy grid over the read model) and the next step (vote, queue, execute,
 * cancel). Updates live: each indexed batch refreshes the tally, timeline, state and votes in
 * place, and the next-step section is rebuilt only when the state changes — so a vote being
 * written (choice and reason) survives other members' votes arriving.
 */
@Route("proposal")
@PageTitle("Proposal · Model DAO")
@AnonymousAllowed
public class ProposalView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProposalQueries queries;
    private final ProposalService proposals;
    private final BallotBox ballots;
    private final CurrentMember member;
    private final Optional<DevWallet> devNode;
    private final ArtifactService artifacts;
    private final TransactionConfirmations confirmations;
    private BigInteger proposalId;
    private MemberWallet wallet;

    // The parts a live refresh updates in place (null until a proposal is shown).
    private HorizontalLayout header;
    private Span stateBadge;
    private Div timeLeft;
    private Div tallySection;
    private Div timelineSection;
    private H3 votesHeading;
    private Grid<CastVote> votesGrid;
    private Div nextSteps;
    /** What the next-step section was built for; it is rebuilt only when that changes. */
    private NextStepsFor nextStepsFor;
    /** The progress line of the last queue/execute/cancel sent from this page; it outlives the section's rebuild. */
    private TransactionProgress lastSent;

    /** The next step depends on the state and on whether the member's own ballot is indexed yet. */
    private record NextStepsFor(ProposalState state, Optional<CastVote> ownVote) {
    }

    public ProposalView(ProposalQueries queries, ProposalService proposals, BallotBox ballots, CurrentMember member,
            ObjectProvider<DevWallet> devNode, GovernanceUpdates updates, ArtifactService artifacts,
            TransactionConfirmations confirmations) {
        this.queries = queries;
        this.artifacts = artifacts;
        this.confirmations = confirmations;
        this.proposals = proposals;
        this.ballots = ballots;
        this.member = member;
        this.devNode = Optional.ofNullable(devNode.getIfAvailable());
        LiveRefresh.attach(this, updates, this::refresh);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        try {
            proposalId = new BigInteger(id);
        } catch (NumberFormatException e) {
            proposalId = BigInteger.ONE.negate();
        }
        header = null;
        refresh();
    }

    /** Brings the page up to the read model; runs on navigation and after every indexed batch. */
    void refresh() {
        Optional<ProposalDetails> found = proposalId.signum() < 0 ? Optional.empty() : queries.find(proposalId);
        if (found.isEmpty()) {
            // a proposal just sent appears once the indexer has read its block; this page then refreshes by itself
            removeAll();
            header = null;
            if (proposalId.signum() < 0) {
                add(new H2("No such proposal"), new Paragraph("A proposal id is a whole number."));
            } else {
                // a well-formed id may be a proposal just submitted: say so instead of denying it exists
                H2 heading = new H2("Being indexed");
                heading.setId("proposal-indexing");
                add(heading, new Paragraph("Proposal " + Formats.shortId(proposalId.toString())
                        + " is not in the index yet (indexed up to block " + queries.indexedBlock() + "). A proposal just"
                        + " submitted appears here once its block is indexed; this page updates by itself."));
            }
            return;
        }
        ProposalDetails p = found.get();
        boolean built = header != null;
        if (!built) {
            build(p);
        }
        update(p, built);
    }

    /** The page's skeleton, once per proposal; what never changes (title, actions, description) is filled in here. */
    private void build(ProposalDetails p) {
        removeAll();
        H2 title = new H2(p.overview().title());
        title.setId("proposal-title");
        stateBadge = new Span();
        header = new HorizontalLayout(title, stateBadge);
        tallySection = new Div();
        timeLeft = new Div();
        timelineSection = new Div();
        votesHeading = new H3("Votes");
        votesGrid = ProposalVotesGrid.of(queries, () -> proposalId);
        nextSteps = new Div();
        nextStepsFor = null;
        lastSent = null;
        Optional<String> withoutList = ActionDetails.withoutRepeatedActions(p.description(), p.actions());
        Html description = new Html(DescriptionMarkdown.toHtml(withoutList.orElse(p.description())));
        // long unbroken words (hashes, URLs) wrap instead of running off the page
        description.getElement().getStyle().set("overflow-wrap", "anywhere").set("max-width", "60rem");
        Paragraph proposed = new Paragraph(new Text("Proposed by " + p.overview().proposer() + " · id "),
                new Copyable(p.overview().id().toString(), p.overview().shortId(), "proposal id"));
        proposed.setId("proposal-id");
        add(header, proposed, timeLeft, new H3("What it does"), actions(p), tallySection, new H3("Timeline"), timelineSection,
                votesHeading, votesGrid, nextSteps, new H3("Description"), description);
        withoutList.ifPresent(shown -> {
            Paragraph once = new Paragraph("The description's closing list of actions matches the decoded calls exactly,"
                    + " so they are shown once, under What it does.");
            once.setId("actions-shown-once");
            once.addClassName("muted");
            add(once);
        });
    }

    /** @param refreshVotes false right after {@link #build}: its new grid fetches its first rows by itself */
    private void update(ProposalDetails p, boolean refreshVotes) {
        Span badge = StateBadge.of(p.overview().state());
        badge.setId("proposal-state");
        header.replace(stateBadge, badge);
        stateBadge = badge;
        tallySection.removeAll();
        tallySection.add(tally(p));
        Optional<ChainClock> clock = queries.clock();
        timeLeft.removeAll();
        ProposalTimeline.timeLeft(p, clock).ifPresent(timeLeft::add);
        timelineSection.removeAll();
        timelineSection.add(ProposalTimeline.of(p, clock));
        votesHeading.setText("Votes (" + p.voteCount() + ")");
        if (refreshVotes) {
            votesGrid.getDataProvider().refreshAll();
        }
        Optional<SignedInMember> signedIn = member.get();
        NextStepsFor now = new NextStepsFor(p.overview().state(),
                signedIn.flatMap(m -> queries.voteOf(proposalId, m.address())));
        if (!now.equals(nextStepsFor)) {
            nextStepsFor = now;
            nextSteps.removeAll();
            signedIn.ifPresentOrElse(m -> nextSteps(p, wallet(m.address()), now.ownVote()),
                    () -> nextSteps.add(new Paragraph("Sign in to vote or move this proposal forward.")));
            // the indexer may see the new state before the receipt poll sees the block: the line that
            // will say "confirmed in block N" stays on top of the next step instead of vanishing with its button
            if (lastSent != null) {
                nextSteps.addComponentAsFirst(lastSent);
            }
        }
    }

    /** Created once per page: it loads the wallet module and asks the node which accounts it holds. */
    private MemberWallet wallet(String address) {
        if (wallet == null) {
            wallet = new MemberWallet(UI.getCurrent(), devNode, address);
        }
        return wallet;
    }

    private OrderedList actions(ProposalDetails p) {
        OrderedList list = new OrderedList();
        list.setId("proposal-actions");
        p.actions().forEach(a -> list.add(ActionDetails.of(a, this::storedCard)));
        return list;
    }

    /** The card this app stores under a voted hash, if any (a proposal may name a card stored elsewhere). */
    private Optional<CardSummary> storedCard(String sha256) {
        try {
            return artifacts.cardSummary(sha256);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Div tally(ProposalDetails p) {
        var t = p.overview().tally();
        TallySplit split = TallySplit.of(t.forVotes(), t.againstVotes(), t.abstainVotes());
        Div bar = new Div(segment("for", split.forPercent(), "var(--lumo-success-color)"),
                segment("against", split.againstPercent(), "var(--lumo-error-color)"),
                segment("abstain", split.abstainPercent(), "var(--lumo-contrast-40pct)"));
        bar.setId("tally-bar");
        bar.getStyle().set("display", "flex").set("height", "0.75rem").set("border-radius", "var(--lumo-border-radius-m)")
                .set("overflow", "hidden").set("background", "var(--lumo-contrast-10pct)").set("max-width", "40rem");
        Span counts = new Span("For " + Votes.format(t.forVotes()) + " (" + split.forPercent() + " %) · Against "
                + Votes.format(t.againstVotes()) + " (" + split.againstPercent() + " %) · Abstain "
                + Votes.format(t.abstainVotes()) + " (" + split.abstainPercent() + " %)");
        counts.setId("tally");
        double progress = p.quorum().signum() == 0 ? 1 : Math.min(1, Votes.percent(p.quorumVotes(), p.quorum()) / 100);
        ProgressBar quorum = new ProgressBar(0, 1, progress);
        quorum.getStyle().set("max-width", "40rem");
        quorum.getElement().setAttribute("aria-label", "Quorum reached so far");
        Span quorumText = new Span(TallySplit.quorumExplained(p.quorumVotes(), p.quorum(), p.quorumReached()));
        quorumText.setId("quorum");
        return new Div(new H3("Tally"), bar, counts, quorum, quorumText);
    }

    private static Div segment(String id, double percent, String color) {
        Div segment = new Div();
        segment.setId("tally-" + id);
        segment.getStyle().set("width", percent + "%").set("background", color);
        return segment;
    }

    private void nextSteps(ProposalDetails p, MemberWallet wallet, Optional<CastVote> ownVote) {
        ProposalState state = p.overview().state();
        // once the member's ballot is indexed it replaces the form: a second vote would only be refused on-chain
        ownVote.ifPresent(v -> nextSteps.add(ownVote(v)));
        if (state == ProposalState.ACTIVE && ownVote.isEmpty()) {
            // a sent ballot keeps its form (with its progress) until the indexer brings the vote in and this section is rebuilt
            nextSteps.add(ballots.panel(wallet, proposalId, this::refresh));
        }
        HorizontalLayout buttons = new HorizontalLayout();
        if (state == ProposalState.SUCCEEDED) {
            buttons.add(step("Queue", "queue", wallet, proposals::queue));
        }
        if (state == ProposalState.QUEUED) {
            buttons.add(step("Execute", "execute", wallet, proposals::execute));
        }
        if (state == ProposalState.PENDING && p.overview().proposer().equalsIgnoreCase(wallet.address())) {
            buttons.add(step("Cancel", "cancel", wallet, proposals::cancel));
        }
        nextSteps.add(buttons);
    }

    /** "You voted For with 15,000 votes", with the reason if one was given. */
    private static Paragraph ownVote(CastVote vote) {
        String choice = vote.support().name().charAt(0) + vote.support().name().substring(1).toLowerCase(Locale.ROOT);
        Paragraph line = new Paragraph("You voted " + choice + " with " + Votes.format(vote.weight()) + " votes"
                + (vote.reason() == null || vote.reason().isBlank() ? "." : " · your reason: " + vote.reason()));
        line.setId("own-vote");
        return line;
    }

    private HorizontalLayout step(String label, String id, MemberWallet wallet,
            BiFunction<String, BigInteger, WalletTransaction> prepare) {
        TransactionProgress progress = new TransactionProgress(id, confirmations);
        Button button = new Button(label);
        button.addClickListener(click -> {
            UI ui = UI.getCurrent();
            lastSent = progress;
            progress.track(label, button, wallet.send(prepare.apply(wallet.address(), proposalId)), r -> ui.access(r::run),
                    // the indexed state change rebuilds this section; until then the button stays disabled
                    hash -> { });
        });
        button.setId(id);
        return new HorizontalLayout(button, progress);
    }
}
