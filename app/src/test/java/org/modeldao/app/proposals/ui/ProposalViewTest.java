package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.MemberRole;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.identity.SiweAuthentication;
import org.modeldao.app.wallet.DevWallet;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalDetails.CastVote;
import org.modeldao.app.proposals.ProposalOverview;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.proposals.ProposalService;
import org.modeldao.app.wallet.Relayer;
import org.modeldao.app.readmodel.VoteOrder;
import org.modeldao.app.voting.VoteService;
import org.modeldao.app.voting.ui.VotePanel;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.VoteType;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The proposal page pages its ballots from the read model (never the whole list) and keeps the
 * member's half-written vote when a live update brings in other members' votes.
 */
class ProposalViewTest {

    static final BigInteger ID = BigInteger.valueOf(7);
    static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    static final String MEMBER = "0x00000000000000000000000000000000000000bB";

    /** One proposal with 5,000 ballots (weights 1..5,000 tokens, one per block), remembering what was asked. */
    static final class BusyProposal implements ProposalQueries {
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile ProposalState state = ProposalState.ACTIVE;
        volatile BigInteger forVotes = TOKEN;
        /** The signed-in member's ballot once "indexed"; null before. */
        volatile CastVote own;

        @Override
        public Optional<ProposalDetails> find(BigInteger proposalId) {
            if (!ID.equals(proposalId)) {
                return Optional.empty();
            }
            ProposalOverview overview = new ProposalOverview(ID, "Approve iris v2", "0x00000000000000000000000000000000000000aa", state, 10,
                    Instant.EPOCH, new GovernorReader.Tally(forVotes, BigInteger.ZERO, BigInteger.ZERO));
            return Optional.of(new ProposalDetails(overview, "Approve iris v2\n\nrationale", List.of(), TOKEN.multiply(BigInteger.TEN),
                    List.of(), 5_000, Optional.empty(), null, null));
        }

        @Override
        public List<CastVote> votes(BigInteger proposalId, VoteOrder order, int offset, int limit) {
            requests.add(order + " " + offset + "+" + limit);
            boolean heaviestOrLatest = order == VoteOrder.HEAVIEST_FIRST || order == VoteOrder.LATEST_FIRST;
            return LongStream.range(offset, Math.min(5_000, offset + limit))
                    .map(i -> heaviestOrLatest ? 5_000 - i : i + 1)
                    .mapToObj(n -> new CastVote("0x" + String.format("%040x", n), VoteType.FOR, TOKEN.multiply(BigInteger.valueOf(n)),
                            "reason " + n, n, "0x" + "ab".repeat(32)))
                    .toList();
        }

        @Override
        public long countVotes(BigInteger proposalId) {
            requests.add("count");
            return 5_000;
        }

        @Override
        public Optional<CastVote> voteOf(BigInteger proposalId, String voter) {
            return Optional.ofNullable(own).filter(v -> ID.equals(proposalId) && v.voter().equalsIgnoreCase(voter));
        }

        @Override
        public List<ProposalOverview> page(int offset, int limit) {
            throw new AssertionError("not on this page");
        }

        @Override
        public long count() {
            throw new AssertionError("not on this page");
        }

        @Override
        public long indexedBlock() {
            return 100;
        }
    }

    final BusyProposal proposal = new BusyProposal();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        UI.setCurrent(null);
    }

    ProposalView open() {
        VoteService votes = new VoteService(ProposalsViewTest.DAO, null, Relayer.off());
        // the services are not called until a button is pressed; the page only reads ProposalQueries
        ProposalService proposals = new ProposalService(null, ProposalsViewTest.DAO, null, proposal, null);
        ProposalView view = new ProposalView(proposal, proposals, (wallet, id, afterVote) -> new VotePanel(votes, wallet, id, afterVote,
                hash -> new CompletableFuture<>()), new CurrentMember(), new StaticListableBeanFactory().getBeanProvider(DevWallet.class),
                new GovernanceUpdates(), null, hash -> new CompletableFuture<>());
        view.setParameter(null, ID.toString());
        return view;
    }

    @SuppressWarnings("unchecked")
    static Grid<CastVote> votesGrid(ProposalView view) {
        return (Grid<CastVote>) find(view, "votes").orElseThrow();
    }

    static Optional<Component> find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ProposalViewTest::descendants));
    }

    @Test
    void five_thousand_votes_are_served_page_by_page_heaviest_first() {
        Grid<CastVote> grid = votesGrid(open());

        assertThat(grid.getDataProvider().isInMemory()).isFalse();
        assertThat(grid.getDataProvider().size(new Query<>())).isEqualTo(5_000);
        List<CastVote> lastPage = grid.getDataProvider().fetch(new Query<>(4_950, 50, List.of(), null, null)).toList();

        assertThat(lastPage).hasSize(50);
        assertThat(lastPage.getFirst().weight()).isEqualTo(TOKEN.multiply(BigInteger.valueOf(50)));
        assertThat(lastPage.getLast().weight()).isEqualTo(TOKEN);
        assertThat(proposal.requests).containsExactly("count", "HEAVIEST_FIRST 4950+50");
    }

    @Test
    void sorting_by_a_column_becomes_the_read_models_order() {
        Grid<CastVote> grid = votesGrid(open());
        proposal.requests.clear();

        grid.getDataProvider().fetch(new Query<>(0, 50, List.of(new QuerySortOrder(ProposalVotesGrid.BLOCK, SortDirection.ASCENDING)),
                null, null)).toList();
        grid.getDataProvider().fetch(new Query<>(0, 50, List.of(new QuerySortOrder(ProposalVotesGrid.WEIGHT, SortDirection.ASCENDING)),
                null, null)).toList();
        grid.getDataProvider().fetch(new Query<>(0, 50, List.of(new QuerySortOrder(ProposalVotesGrid.BLOCK, SortDirection.DESCENDING)),
                null, null)).toList();

        assertThat(proposal.requests).containsExactly("EARLIEST_FIRST 0+50", "LIGHTEST_FIRST 0+50", "LATEST_FIRST 0+50");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_live_update_keeps_the_vote_being_written_and_shows_the_new_tally() {
        signIn();
        ProposalView view = open();
        VotePanel panel = (VotePanel) descendants(view).filter(VotePanel.class::isInstance).findFirst().orElseThrow();
        RadioButtonGroup<VoteType> choice = (RadioButtonGroup<VoteType>) find(view, "vote-choice").orElseThrow();
        TextArea reason = (TextArea) find(view, "vote-reason").orElseThrow();
        choice.setValue(VoteType.AGAINST);
        reason.setValue("Needs an evaluation on out-of-distribution data");

        proposal.forVotes = TOKEN.multiply(BigInteger.valueOf(25_000));
        view.refresh();

        assertThat(find(view, "tally").orElseThrow().getElement().getText()).startsWith("For 25,000 (");
        assertThat(descendants(view).filter(VotePanel.class::isInstance)).containsExactly(panel);
        assertThat(choice.getValue()).isEqualTo(VoteType.AGAINST);
        assertThat(reason.getValue()).isEqualTo("Needs an evaluation on out-of-distribution data");
    }

    @Test
    void when_voting_ends_the_vote_form_gives_way_to_the_next_step() {
        signIn();
        ProposalView view = open();
        assertThat(descendants(view).filter(VotePanel.class::isInstance)).hasSize(1);

        proposal.state = ProposalState.SUCCEEDED;
        view.refresh();

        assertThat(descendants(view).filter(VotePanel.class::isInstance)).isEmpty();
        assertThat(find(view, "queue")).isPresent();
        assertThat(find(view, "proposal-state").orElseThrow().getElement().getText()).isEqualTo("succeeded");
    }

    @Test
    void once_the_members_ballot_is_indexed_the_form_gives_way_to_how_they_voted() {
        signIn();
        ProposalView view = open();
        assertThat(descendants(view).filter(VotePanel.class::isInstance)).hasSize(1);
        assertThat(find(view, "own-vote")).isEmpty();

        proposal.own = new CastVote(MEMBER.toLowerCase(), VoteType.FOR, TOKEN.multiply(BigInteger.valueOf(15_000)), "", 11, "0x" + "cd".repeat(32));
        view.refresh();

        assertThat(descendants(view).filter(VotePanel.class::isInstance)).isEmpty();
        assertThat(find(view, "own-vote").orElseThrow().getElement().getText()).isEqualTo("You voted For with 15,000 votes.");
    }

    @Test
    void how_the_member_voted_stays_on_the_page_after_voting_ends_with_their_reason() {
        signIn();
        proposal.own = new CastVote(MEMBER, VoteType.AGAINST, TOKEN.multiply(BigInteger.valueOf(2_500)), "Too few test cases", 11, "0x");
        proposal.state = ProposalState.DEFEATED;

        ProposalView view = open();

        assertThat(find(view, "own-vote").orElseThrow().getElement().getText())
                .isEqualTo("You voted Against with 2,500 votes · your reason: Too few test cases");
        assertThat(descendants(view).filter(VotePanel.class::isInstance)).isEmpty();
    }

    @Test
    void another_members_ballot_is_not_taken_for_the_signed_in_members() {
        signIn();
        proposal.own = new CastVote("0x00000000000000000000000000000000000000cc", VoteType.FOR, TOKEN, "", 11, "0x");

        ProposalView view = open();

        assertThat(find(view, "own-vote")).isEmpty();
        assertThat(descendants(view).filter(VotePanel.class::isInstance)).hasSize(1);
    }

    @Test
    void the_description_is_rendered_markdown_not_a_preformatted_block() {
        ProposalView view = open();

        Html description = (Html) descendants(view).filter(Html.class::isInstance).findFirst().orElseThrow();
        assertThat(description.getElement().getProperty("innerHTML")).contains("<p>Approve iris v2</p>", "<p>rationale</p>");
        assertThat(descendants(view).filter(Pre.class::isInstance)).isEmpty();
    }

    @Test
    void an_unknown_proposal_says_so_and_asks_for_no_votes() {
        ProposalView view = new ProposalView(proposal, null, null, new CurrentMember(),
                new StaticListableBeanFactory().getBeanProvider(DevWallet.class), new GovernanceUpdates(), null, null);
        view.setParameter(null, "8");

        assertThat(find(view, "votes")).isEmpty();
        assertThat(view.getElement().getTextRecursively()).contains("Being indexed").contains("updates by itself")
                .doesNotContain("No such proposal");
        assertThat(proposal.requests).isEmpty();

        view.setParameter(null, "not-a-number");
        assertThat(view.getElement().getTextRecursively()).contains("No such proposal");
    }

    private static void signIn() {
        UI.setCurrent(new UI());
        SignedInMember member = new SignedInMember(MEMBER, 31337, TOKEN,
                Set.of(MemberRole.MEMBER));
        SecurityContextHolder.getContext().setAuthentication(new SiweAuthentication(member));
    }
}
