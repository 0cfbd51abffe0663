package org.modeldao.app.proposals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.VoteType;

/**
 * Everything a proposal page shows.
 *
 * @param actions      every call decoded into plain language (in proposal order)
 * @param voteCount    ballots cast; the ballots themselves are paged with {@link ProposalQueries#votes}
 * @param quorum       votes (for + abstain) needed, at the proposal's snapshot
 * @param executableAt when a queued proposal's timelock delay ends
 * @param proposal     the calls and the description as shown
 * @param descriptionHash keccak256 of the description's raw on-chain bytes, as queue, execute and
 *                     cancel need it; differs from {@code proposal.descriptionHash()} when the
 *                     indexer had to clean the description (NUL, controls, invalid UTF-8). Null =
 *                     not known (indexed before it was kept): the shown description is hashed.
 */
public record ProposalDetails(ProposalOverview overview, String description, List<ProposalAction> actions,
        BigInteger quorum, List<TimelineEntry> timeline, long voteCount, Optional<Instant> executableAt,
        GovernanceProposal proposal, byte[] descriptionHash) {

    public ProposalDetails {
        if (descriptionHash != null) {
            descriptionHash = descriptionHash.clone();
        } else if (proposal != null) {
            descriptionHash = proposal.descriptionHash();
        }
    }

    @Override
    public byte[] descriptionHash() {
        return descriptionHash == null ? null : descriptionHash.clone();
    }

    public BigInteger quorumVotes() {
        return overview.tally().forVotes().add(overview.tally().abstainVotes());
    }

    public boolean quorumReached() {
        return quorumVotes().compareTo(quorum) >= 0;
    }

    /** A vote as cast on-chain, with its reason. */
    public record CastVote(String voter, VoteType support, BigInteger weight, String reason, long block, String transactionHash) {
    }

    /** A step of the proposal's life; {@code at} is empty for steps still to come. */
    public record TimelineEntry(String label, Optional<Long> block, Optional<Instant> at, Optional<String> transactionHash,
            boolean reached) {
    }
}
