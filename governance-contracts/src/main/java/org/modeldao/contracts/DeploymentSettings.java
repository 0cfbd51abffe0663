package org.modeldao.contracts;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a deployment decides once: the token's name and initial distribution, and the
 * Governor's starting parameters (voting delay, period and threshold stay changeable by
 * governance afterwards).
 *
 * @param tokenName            ERC-20 name (also the EIP-712 domain name of permits)
 * @param tokenSymbol          ERC-20 symbol
 * @param allocations          initial holders; the whole supply is minted to them
 * @param votingDelayBlocks    blocks between proposing and the start of voting
 * @param votingPeriodBlocks   blocks voting stays open
 * @param proposalThreshold    votes (in token units with 18 decimals) needed to propose
 * @param quorumPercent        share of the total supply that must vote for or abstain
 * @param lateQuorumExtensionBlocks voting extension when quorum is reached late
 * @param timelockDelay        minimum delay between queueing and executing
 */
public record DeploymentSettings(
        String tokenName,
        String tokenSymbol,
        List<Allocation> allocations,
        long votingDelayBlocks,
        long votingPeriodBlocks,
        BigInteger proposalThreshold,
        int quorumPercent,
        long lateQuorumExtensionBlocks,
        Duration timelockDelay) {

    public static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(18);

    public DeploymentSettings {
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        allocations = List.copyOf(allocations);
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("at least one initial token holder is required");
        }
        if (votingPeriodBlocks <= 0) {
            throw new IllegalArgumentException("votingPeriodBlocks must be positive");
        }
        if (votingDelayBlocks < 0 || lateQuorumExtensionBlocks < 0 || proposalThreshold.signum() < 0) {
            throw new IllegalArgumentException("delays, extension and threshold must not be negative");
        }
        if (lateQuorumExtensionBlocks > votingPeriodBlocks) {
            // OpenZeppelin bounds the extension by the voting period (GovernorPreventLateQuorumVoteExtensionTooLarge)
            throw new IllegalArgumentException("lateQuorumExtensionBlocks must not exceed votingPeriodBlocks");
        }
        if (quorumPercent < 0 || quorumPercent > 100) {
            throw new IllegalArgumentException("quorumPercent must lie in [0, 100]");
        }
        if (timelockDelay.isNegative()) {
            throw new IllegalArgumentException("timelockDelay must not be negative");
        }
    }

    /**
     * Settings for a dev chain: short periods (tests mine past them), 1,000 tokens to
     * propose, 4 % quorum, one-minute timelock.
     */
    public static DeploymentSettings forDevChain(List<Allocation> allocations) {
        return new DeploymentSettings("Model DAO Vote", "MDV", allocations, 1, 50, tokens(1_000), 4, 10, Duration.ofMinutes(1));
    }

    public static BigInteger tokens(long wholeTokens) {
        return BigInteger.valueOf(wholeTokens).multiply(ONE_TOKEN);
    }

    /** An initial holder and the amount (in token units, 18 decimals) minted to it. */
    public record Allocation(String holder, BigInteger amount) {
        public Allocation {
            Objects.requireNonNull(holder, "holder");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("allocation to " + holder + " must be positive");
            }
        }
    }
}
