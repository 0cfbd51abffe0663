package org.modeldao.gateway.policy.chain;

import java.math.BigInteger;
import org.modeldao.contracts.VotingPowerCalls;
import org.modeldao.gateway.policy.VotesLookup;

/** Reads ERC20Votes voting power (getVotes, at the latest block) through the shared {@link VotingPowerCalls}. */
public final class TokenVotes implements VotesLookup {

    private final VotingPowerCalls calls;

    public TokenVotes(VotingPowerCalls calls) {
        this.calls = calls;
    }

    @Override
    public BigInteger votesOf(String address) throws VotesUnavailableException {
        try {
            return calls.votes(address);
        } catch (Exception e) {
            throw new VotesUnavailableException(e.getMessage(), e);
        }
    }
}
