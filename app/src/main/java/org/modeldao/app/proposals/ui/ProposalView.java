package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.BiFunction;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.proposals.DevNodeWallet;
import org.modeldao.app.proposals.GovernanceUpdates;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.proposals.ProposalService;
import org.modeldao.app.proposals.Votes;
import org.modeldao.app.proposals.WalletTransaction;
import org.modeldao.app.voting.VoteService;
import org.modeldao.app.voting.ui.VotePanel;
import org.modeldao.contracts.ProposalState;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One proposal: what it does in plain language, tallies and quorum, the timeline, the votes
 * with reasons, and the next step (vote, queue, execute, cancel). Updates live.
 */
@Route("proposal")
@PageTitle("Proposal · Model DAO")
@AnonymousAllowed
public class ProposalView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProposalQueries queries;
    private final ProposalService proposals;
    private final VoteService votes;
    private final CurrentMember member;
    private final Optional<DevNodeWallet> devNode;
    private BigInteger proposalId;
    private MemberWallet wallet;
    /** What the page shows now: a live refresh that would show the same is skipped. */
    private Optional<ProposalDetails> shown;
    /** Kept across live refreshes, so a ballot being filled in survives a new block. */
    private VotePanel votePanel;

    public ProposalView(ProposalQueries queries, ProposalService proposals, VoteService votes, CurrentMember member,
            ObjectProvider<DevNodeWallet> devNode, GovernanceUpdates updates) {
        this.queries = queries;
        this.proposals = proposals;
        this.votes = votes;
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
        shown = null;
        votePanel = null;
        refresh();
    }

    private void refresh() {
        Optional<ProposalDetails> found = proposalId.signum() < 0 ? Optional.empty() : queries.find(proposalId);
        if (found.equals(shown)) {
            return; // the indexer moved on (a block every few seconds on a dev chain) without touching this proposal
        }
        shown = found;
        removeAll();
        if (found.isEmpty()) {
            // a proposal just sent appears once the indexer has read its block; this page then refreshes by itself
            add(new H2("No such proposal"), new Paragraph("There is no proposal " + proposalId + " as of block "
                    + queries.indexedBlock() + "."));
            return;
        }
        ProposalDetails p = found.get();
        H2 title = new H2(p.overview().title());
        title.setId("proposal-title");
        Span state = StateBadge.of(p.overview().state());
        state.setId("proposal-state");
        add(new HorizontalLayout(title, state), new Paragraph("Proposed by " + p.overview().proposer() + " · id " + p.overview().id()));
        add(new H3("What it does"), actions(p), tally(p), new H3("Timeline"), ProposalTimeline.of(p), new H3("Votes"), votesGrid(p));
        member.get().ifPresentOrElse(m -> nextSteps(p, wallet(m.address())),
                () -> add(new Paragraph("Sign in to vote or move this proposal forward.")));
        Pre description = new Pre(p.description());
        description.addClassName("proposal-description");
        add(new H3("Description (as recorded on-chain)"), description);
    }

    /** Created once per page: it loads the wallet module and asks the node which accounts it holds. */
    private MemberWallet wallet(String address) {
        if (wallet == null) {
            wallet = new MemberWallet(UI.getCurrent(), devNode, address);
        }
        return wallet;
    }

    private static OrderedList actions(ProposalDetails p) {
        OrderedList list = new OrderedList();
        list.setId("proposal-actions");
        p.actions().forEach(a -> list.add(new ListItem(a.describe())));
        return list;
    }

    private static Div tally(ProposalDetails p) {
        var t = p.overview().tally();
        Span counts = new Span("For " + Votes.format(t.forVotes()) + " · Against " + Votes.format(t.againstVotes()) + " · Abstain "
                + Votes.format(t.abstainVotes()));
        counts.setId("tally");
        double progress = p.quorum().signum() == 0 ? 1 : Math.min(1, Votes.percent(p.quorumVotes(), p.quorum()) / 100);
        ProgressBar quorum = new ProgressBar(0, 1, progress);
        Span quorumText = new Span("Quorum: " + Votes.format(p.quorumVotes()) + " of " + Votes.format(p.quorum())
                + (p.quorumReached() ? " — reached" : ""));
        quorumText.setId("quorum");
        return new Div(new H3("Tally"), counts, quorum, quorumText);
    }

    private static Grid<ProposalDetails.CastVote> votesGrid(ProposalDetails p) {
        Grid<ProposalDetails.CastVote> grid = new Grid<>();
        grid.setId("votes");
        grid.addColumn(ProposalDetails.CastVote::voter).setHeader("Voter").setFlexGrow(2);
        grid.addColumn(v -> v.support().name().toLowerCase()).setHeader("Vote");
        grid.addColumn(v -> Votes.format(v.weight())).setHeader("Weight");
        grid.addColumn(ProposalDetails.CastVote::reason).setHeader("Reason").setFlexGrow(3);
        grid.setItems(p.votes());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void nextSteps(ProposalDetails p, MemberWallet wallet) {
        ProposalState state = p.overview().state();
        if (state == ProposalState.ACTIVE) {
            if (votePanel == null) {
                votePanel = new VotePanel(votes, wallet, proposalId, this::refresh);
            }
            add(votePanel);
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
        add(buttons);
    }

    private Button step(String label, String id, MemberWallet wallet, BiFunction<String, BigInteger, WalletTransaction> prepare) {
        Button button = new Button(label, click -> {
            UI ui = UI.getCurrent();
            wallet.send(prepare.apply(wallet.address(), proposalId)).whenComplete((hash, error) -> ui.access(() -> {
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    Notification.show(label + " failed: " + cause.getMessage(), 6000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                } else {
                    Notification.show(label + " sent: " + hash, 4000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                }
            }));
        });
        button.setId(id);
        return button;
    }
}
