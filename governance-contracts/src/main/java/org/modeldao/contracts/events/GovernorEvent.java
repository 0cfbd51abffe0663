package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.modeldao.contracts.ProposalCall;
import org.web3j.crypto.Hash;

/** Logs of the ModelDaoGovernor: proposals, their lifecycle, votes and the governor's settings. */
public sealed interface GovernorEvent extends GovernanceEvent {

    /**
     * A proposal was made.
     *
     * @param proposalId          the governor's id (keccak of targets, values, calldatas and description hash)
     * @param proposer            lower-case {@code 0x} address
     * @param calls               what the proposal executes, in order (calldata {@code 0x} hex)
     * @param signatures          the (unused by OZ 5, normally empty) function signatures, one per call
     * @param voteStart           block where voting opens
     * @param voteEnd             block where voting closes
     * @param description         the description decoded as UTF-8 (U+FFFD for invalid bytes), not cleaned
     * @param descriptionBytes    the description exactly as on chain (copied in and out)
     * @param timelockOperationId the id the timelock will know this proposal's batch by once queued:
     *                            {@code hashOperationBatch(targets, values, calldatas, 0, salt)} with
     *                            {@code salt = bytes20(governor) ^ descriptionHash} (OZ 5
     *                            {@code GovernorTimelockControl._timelockSalt})
     */
    record ProposalCreated(EventPosition position, BigInteger proposalId, String proposer, List<ProposalCall> calls,
            List<String> signatures, BigInteger voteStart, BigInteger voteEnd, String description, byte[] descriptionBytes,
            String timelockOperationId) implements GovernorEvent {

        public ProposalCreated {
            calls = List.copyOf(calls);
            signatures = List.copyOf(signatures);
            descriptionBytes = descriptionBytes.clone();
            Objects.requireNonNull(description, "description");
        }

        @Override
        public byte[] descriptionBytes() {
            return descriptionBytes.clone();
        }

        /** keccak256 of the raw description bytes, {@code 0x} hex: what {@code queue}/{@code execute} take. */
        public String descriptionHash() {
            return ChainHex.of(Hash.sha3(descriptionBytes));
        }

        /** True when the description bytes are valid UTF-8 (so {@link #description()} is exactly them). */
        public boolean descriptionIsValidUtf8() {
            return Arrays.equals(description.getBytes(StandardCharsets.UTF_8), descriptionBytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ProposalCreated that && position.equals(that.position) && proposalId.equals(that.proposalId)
                    && proposer.equals(that.proposer) && calls.equals(that.calls) && signatures.equals(that.signatures)
                    && voteStart.equals(that.voteStart) && voteEnd.equals(that.voteEnd)
                    && Arrays.equals(descriptionBytes, that.descriptionBytes)
                    && timelockOperationId.equals(that.timelockOperationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(position, proposalId, Arrays.hashCode(descriptionBytes));
        }

        @Override
        public String toString() {
            return "ProposalCreated[" + proposalId + " by " + proposer + " at " + position.logKey() + ", " + calls.size()
                    + " call(s), description " + descriptionBytes.length + " bytes]";
        }
    }

    /**
     * A vote without params. {@code support} is the GovernorCountingSimple bucket (0 against, 1 for,
     * 2 abstain: {@link org.modeldao.contracts.VoteType#ofSupport}); {@code reason} raw text.
     */
    record VoteCast(EventPosition position, String voter, BigInteger proposalId, int support, BigInteger weight, String reason)
            implements GovernorEvent {
    }

    /** A vote with params ({@code params} {@code 0x} hex); otherwise as {@link VoteCast}. */
    record VoteCastWithParams(EventPosition position, String voter, BigInteger proposalId, int support, BigInteger weight,
            String reason, String params) implements GovernorEvent {
    }

    /** The proposal's batch was scheduled on the timelock; executable from {@code etaSeconds} (unix time). */
    record ProposalQueued(EventPosition position, BigInteger proposalId, BigInteger etaSeconds) implements GovernorEvent {
    }

    /**
     * The governor executed the proposal (emitted after its calls, in the same transaction). A
     * proposal executed by calling the timelock directly has no such event: see
     * {@link EventBatch#executions()}.
     */
    record ProposalExecuted(EventPosition position, BigInteger proposalId) implements GovernorEvent {
    }

    record ProposalCanceled(EventPosition position, BigInteger proposalId) implements GovernorEvent {
    }

    /** Late quorum (GovernorPreventLateQuorum) pushed the voting deadline to {@code extendedDeadline}. */
    record ProposalExtended(EventPosition position, BigInteger proposalId, BigInteger extendedDeadline) implements GovernorEvent {
    }

    /** Blocks between proposing and voting. */
    record VotingDelaySet(EventPosition position, BigInteger oldVotingDelay, BigInteger newVotingDelay) implements GovernorEvent {
    }

    /** Blocks voting stays open. */
    record VotingPeriodSet(EventPosition position, BigInteger oldVotingPeriod, BigInteger newVotingPeriod) implements GovernorEvent {
    }

    /** Votes (token amount, 18 decimals) needed to propose. */
    record ProposalThresholdSet(EventPosition position, BigInteger oldProposalThreshold, BigInteger newProposalThreshold)
            implements GovernorEvent {
    }

    /** Quorum as a percentage of the supply at the snapshot (GovernorVotesQuorumFraction). */
    record QuorumNumeratorUpdated(EventPosition position, BigInteger oldQuorumNumerator, BigInteger newQuorumNumerator)
            implements GovernorEvent {
    }

    /** Blocks voting is extended by when quorum is reached late. */
    record LateQuorumVoteExtensionSet(EventPosition position, BigInteger oldVoteExtension, BigInteger newVoteExtension)
            implements GovernorEvent {
    }

    /** The governor now schedules on another timelock. */
    record TimelockChange(EventPosition position, String oldTimelock, String newTimelock) implements GovernorEvent {
    }
}
