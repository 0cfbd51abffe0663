package org.modeldao.app.proposals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.modeldao.app.readmodel.VoteOrder;

/** Reading proposals (newest first) from the indexer's read model, paged for lazy grids. */
public interface ProposalQueries {

    List<ProposalOverview> page(int offset, int limit);

    long count();

    Optional<ProposalDetails> find(BigInteger proposalId);

    /** One page of a proposal's ballots with their reasons, in the given order. */
    List<ProposalDetails.CastVote> votes(BigInteger proposalId, VoteOrder order, int offset, int limit);

    long countVotes(BigInteger proposalId);

    /** The ballot {@code voter} cast on the proposal, once indexed; empty if none (yet). */
    Optional<ProposalDetails.CastVote> voteOf(BigInteger proposalId, String voter);

    /** The chain's latest block and pace, for "ends in about…" estimates; empty when the node cannot say. */
    default Optional<ChainClock> clock() {
        return Optional.empty();
    }

    /** The last block the read model reflects (-1 before the indexer's first batch). */
    long indexedBlock();
}
