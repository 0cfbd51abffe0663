package org.modeldao.app.proposals.ui;

import java.math.BigInteger;
import org.modeldao.app.proposals.Votes;

/**
 * How the cast votes split between For, Against and Abstain, as shares of all votes cast (each
 * 0–100, one decimal, rounded down so they never add up to more than 100).
 */
record TallySplit(double forPercent, double againstPercent, double abstainPercent) {

    static TallySplit of(BigInteger forVotes, BigInteger againstVotes, BigInteger abstainVotes) {
        BigInteger cast = forVotes.add(againstVotes).add(abstainVotes);
        return new TallySplit(Votes.percent(forVotes, cast), Votes.percent(againstVotes, cast), Votes.percent(abstainVotes, cast));
    }

    /**
     * Why "quorum" can be far from the total shown: under OpenZeppelin's GovernorCountingSimple only
     * For and Abstain votes count towards quorum; Against votes never do.
     */
    static String quorumExplained(BigInteger quorumVotes, BigInteger quorum, boolean reached) {
        return "Quorum: " + Votes.format(quorumVotes) + " of " + Votes.format(quorum) + " needed"
                + (reached ? " — reached" : "") + " (For and Abstain count towards quorum; Against does not)";
    }
}
