package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;
import org.modeldao.contracts.ProposalState;

/**
 * A proposal as lists show it. The state is derived from the indexed events and the indexed
 * head exactly as the Governor derives it from storage and the current block.
 *
 * @param quorum votes (for + abstain) needed, read once the snapshot block is mined; null before
 * @param deadlineBlock last block of the vote, including a late-quorum extension
 * @param etaSeconds when a queued proposal becomes executable (unix seconds), or null
 */
public record ProposalSummary(
        BigInteger id,
        String title,
        String proposer,
        ProposalState state,
        long snapshotBlock,
        long deadlineBlock,
        BigInteger forVotes,
        BigInteger againstVotes,
        BigInteger abstainVotes,
        BigInteger quorum,
        int voteCount,
        Long etaSeconds,
        long createdBlock,
        Instant createdAt) {

    /** For and abstain votes count towards quorum (GovernorCountingSimple). */
    public boolean quorumReached() {
        return quorum != null && forVotes.add(abstainVotes).compareTo(quorum) >= 0;
    }
}
