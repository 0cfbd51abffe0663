package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import org.modeldao.app.proposals.ProposalDetails.CastVote;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.proposals.Votes;
import org.modeldao.app.readmodel.VoteOrder;

/**
 * A proposal's ballots with their reasons, lazy: the grid asks the read model only for the rows
 * it shows (offset/limit + count), heaviest first unless sorted by weight or block.
 */
final class ProposalVotesGrid {

    static final String WEIGHT = "weight";
    static final String BLOCK = "block";

    private ProposalVotesGrid() {
    }

    static Grid<CastVote> of(ProposalQueries queries, Supplier<BigInteger> proposalId) {
        Grid<CastVote> grid = new Grid<>();
        grid.setId("votes");
        grid.addColumn(CastVote::voter).setHeader("Voter").setFlexGrow(2);
        grid.addColumn(v -> v.support().name().toLowerCase()).setHeader("Vote");
        grid.addColumn(v -> Votes.format(v.weight())).setHeader("Weight").setSortProperty(WEIGHT);
        grid.addColumn(CastVote::block).setHeader("Block").setSortProperty(BLOCK);
        grid.addColumn(CastVote::reason).setHeader("Reason").setFlexGrow(3);
        grid.setItems(query -> queries.votes(proposalId.get(), order(query.getSortOrders()), query.getOffset(), query.getLimit()).stream(),
                query -> (int) queries.countVotes(proposalId.get()));
        grid.setHeight("22em");
        grid.setEmptyStateText("No votes yet. Members vote while the proposal is active.");
        return grid;
    }

    static VoteOrder order(List<QuerySortOrder> sort) {
        if (sort.isEmpty()) {
            return VoteOrder.HEAVIEST_FIRST;
        }
        boolean descending = sort.getFirst().getDirection() == SortDirection.DESCENDING;
        if (BLOCK.equals(sort.getFirst().getSorted())) {
            return descending ? VoteOrder.LATEST_FIRST : VoteOrder.EARLIEST_FIRST;
        }
        return descending ? VoteOrder.HEAVIEST_FIRST : VoteOrder.LIGHTEST_FIRST;
    }
}
