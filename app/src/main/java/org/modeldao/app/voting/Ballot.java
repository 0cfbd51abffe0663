package org.modeldao.app.voting;

import java.math.BigInteger;
import org.modeldao.contracts.VoteType;

/** A vote as signed for relaying: what the EIP-712 signature covers. Empty reason = plain Ballot. */
public record Ballot(BigInteger proposalId, VoteType vote, String voter, String reason, BigInteger nonce) {

    public Ballot {
        reason = reason == null ? "" : reason.strip();
    }
}
