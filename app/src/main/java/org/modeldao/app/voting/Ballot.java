package org.modeldao.app.voting;

import java.math.BigInteger;
import org.modeldao.contracts.VoteType;

/** A vote as signed for relaying: what the EIP-712 signature covers. Empty reason = plain Ballot. */
public record Ballot(BigInteger proposalId, VoteType vote, String voter, String reason, BigInteger nonce) {

    /**
     * Longest reason (in UTF-16 units, as the browser's maxlength counts) the vote form accepts
     * and the server relays or prepares: it bounds the gas a gasless vote costs the relayer.
     */
    public static final int MAX_REASON_LENGTH = 1000;

    public Ballot {
        reason = reason == null ? "" : reason.strip();
    }

    public boolean reasonTooLong() {
        return reason.length() > MAX_REASON_LENGTH;
    }
}
