package org.modeldao.gateway.policy;

import java.math.BigInteger;

/** Voting power of an account now (ERC20Votes getVotes at the current block). */
@FunctionalInterface
public interface VotesLookup {

    BigInteger votesOf(String address) throws VotesUnavailableException;

    /** The chain could not be asked; token-holder models then refuse with 503. */
    final class VotesUnavailableException extends Exception {
        public VotesUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
