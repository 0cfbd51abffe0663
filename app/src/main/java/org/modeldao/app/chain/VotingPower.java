package org.modeldao.app.chain;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * An account's weight in the DAO, read at the latest block.
 *
 * @param votes delegated voting power (ERC20Votes getVotes)
 * @param balance token balance (counts as membership even before delegating)
 * @param proposalThreshold votes the governor requires to propose
 */
public record VotingPower(BigInteger votes, BigInteger balance, BigInteger proposalThreshold) implements Serializable {

    public static VotingPower none() {
        return new VotingPower(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE);
    }

    /** Holds tokens or has voting power delegated to it. */
    public boolean isMember() {
        return votes.signum() > 0 || balance.signum() > 0;
    }

    /** Has at least the governor's proposal threshold in votes. */
    public boolean mayPropose() {
        return votes.compareTo(proposalThreshold) >= 0;
    }
}
