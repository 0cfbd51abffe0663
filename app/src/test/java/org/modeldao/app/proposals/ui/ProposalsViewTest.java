package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalOverview;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.contracts.ProposalState;

/** The proposals grid asks for one page at a time and the count, never for the whole list. */
class ProposalsViewTest {

    static final GovernanceContracts DAO = new GovernanceContracts(31337, "0x01", "0x02", "0x03", "0x04", 1);

    /** 1,000 proposals, newest first, remembering every page asked for. */
    static final class ThousandProposals implements ProposalQueries {
        final List<String> requests = new CopyOnWriteArrayList<>();

        @Override
        public List<ProposalOverview> page(int offset, int limit) {
            requests.add(offset + "+" + limit);
            return LongStream.range(offset, Math.min(1_000, offset + limit)).mapToObj(i -> new ProposalOverview(BigInteger.valueOf(1_000 - i),
                    "Proposal " + (1_000 - i), "0xabc", ProposalState.ACTIVE, 1_000 - i, Instant.EPOCH,
                    new GovernorReader.Tally(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO))).toList();
        }

        @Override
        public long count() {
            requests.add("count");
            return 1_000;
        }

        @Override
        public List<ProposalDetails.CastVote> votes(BigInteger proposalId, org.modeldao.app.readmodel.VoteOrder order, int offset, int limit) {
            return List.of();
        }

        @Override
        public long countVotes(BigInteger proposalId) {
            return 0;
        }

        @Override
        public Optional<ProposalDetails.CastVote> voteOf(BigInteger proposalId, String voter) {
            return Optional.empty();
        }

        @Override
        public Optional<ProposalDetails> find(BigInteger proposalId) {
            return Optional.empty();
        }

        @Override
        public long indexedBlock() {
            return 1_000;
        }
    }

    @SuppressWarnings("unchecked")
    static Grid<ProposalOverview> gridOf(ProposalsView view) {
        return (Grid<ProposalOverview>) view.getChildren().filter(Grid.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void a_thousand_proposals_are_served_page_by_page() {
        ThousandProposals proposals = new ThousandProposals();
        Grid<ProposalOverview> grid = gridOf(new ProposalsView(proposals, DAO, new GovernanceUpdates(), java.time.Clock.systemUTC()));

        assertThat(grid.getDataProvider().isInMemory()).isFalse();
        assertThat(grid.getDataProvider().size(new Query<>())).isEqualTo(1_000);
        List<ProposalOverview> lastPage = grid.getDataProvider().fetch(new Query<>(950, 50, List.of(), null, null)).toList();

        assertThat(lastPage).hasSize(50);
        assertThat(lastPage.getFirst().title()).isEqualTo("Proposal 50");
        assertThat(lastPage.getLast().title()).isEqualTo("Proposal 1");
        assertThat(proposals.requests).containsExactly("count", "950+50");
    }

    @Test
    void without_a_dao_there_is_no_grid_to_load() {
        ThousandProposals proposals = new ThousandProposals();
        ProposalsView view = new ProposalsView(proposals, GovernanceContracts.none(), new GovernanceUpdates(), java.time.Clock.systemUTC());

        assertThat(view.getChildren().filter(Grid.class::isInstance)).isEmpty();
        assertThat(proposals.requests).isEmpty();
    }
}
