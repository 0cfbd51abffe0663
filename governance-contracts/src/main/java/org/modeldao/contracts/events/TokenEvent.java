package org.modeldao.contracts.events;

import java.math.BigInteger;

/** Logs of the GovernanceToken (ERC20 + ERC20Votes). Addresses lower-case {@code 0x} hex. */
public sealed interface TokenEvent extends GovernanceEvent {

    /** {@code delegator} moved its voting power from {@code fromDelegate} to {@code toDelegate}. */
    record DelegateChanged(EventPosition position, String delegator, String fromDelegate, String toDelegate) implements TokenEvent {
    }

    /** The voting power of {@code delegate} changed (token amounts, 18 decimals). */
    record DelegateVotesChanged(EventPosition position, String delegate, BigInteger previousVotes, BigInteger newVotes)
            implements TokenEvent {
    }

    /** Tokens moved; {@code from} is the zero address on mint. */
    record Transfer(EventPosition position, String from, String to, BigInteger value) implements TokenEvent {
    }

    /** An ERC20 allowance was set. */
    record Approval(EventPosition position, String owner, String spender, BigInteger value) implements TokenEvent {
    }
}
