package org.modeldao.app.dashboard;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.modeldao.app.base.Formats;
import org.modeldao.contracts.VoteType;

/**
 * A proposal taking votes now.
 *
 * @param blocksLeft    blocks until the vote closes (its deadline block included)
 * @param timeLeft      roughly how long that is, estimated from the average block time; empty when the node could not be asked
 * @param myVote        how the signed-in member voted, once indexed; empty if not (or nobody signed in)
 */
public record OpenProposal(BigInteger id, String title, long deadlineBlock, long blocksLeft, Optional<Duration> timeLeft,
        Optional<VoteType> myVote) {

    public String shortId() {
        return Formats.shortId(id.toString());
    }
}
