package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.RegistryKinds;

/**
 * Logs of the ModelRegistry: one per change, carrying all of its data. Each knows the proposal
 * whose execution made it ({@link #execution()}), through the governor or the timelock directly;
 * empty only when the change was not made by executing a proposal the stream knows (a registry
 * owned by an account, or an operation the consumer's {@link OperationLookup} does not hold).
 *
 * <p>{@code modelKey} is the registry's indexed {@code keccak256(bytes(model))} ({@code 0x} hex): it
 * tells apart names whose invalid UTF-8 decodes to the same text. Text is raw (not cleaned);
 * hashes {@code 0x} + 64 lower-case hex digits.
 */
public sealed interface RegistryEvent extends GovernanceEvent {

    /** The proposal whose execution made this change, when known. */
    Optional<ProposalExecution> execution();

    /** The approving proposal's id, when known (shortcut for {@code execution().map(ProposalExecution::proposalId)}). */
    default Optional<BigInteger> approvingProposal() {
        return execution().map(ProposalExecution::proposalId);
    }

    /** A model version was approved (becomes servable). */
    record ModelVersionApproved(EventPosition position, String modelKey, String model, String version, String artifactSha256,
            String artifactUri, String cardSha256, String cardUri, String format, Optional<ProposalExecution> execution)
            implements RegistryEvent {
    }

    /** A model version was revoked, with the reason. */
    record ModelVersionRevoked(EventPosition position, String modelKey, String model, String version, String reason,
            Optional<ProposalExecution> execution) implements RegistryEvent {
    }

    /** The version unversioned requests resolve to moved; {@code newVersion} {@code ""} means none is current. */
    record CurrentVersionChanged(EventPosition position, String modelKey, String model, String previousVersion,
            String newVersion, Optional<ProposalExecution> execution) implements RegistryEvent {
    }

    /**
     * Who may call a model. {@code minVotes} is a token amount (18 decimals); limits are uint32 on
     * chain; the allow list holds lower-case addresses.
     */
    record AccessPolicySet(EventPosition position, String modelKey, String model, RegistryKinds.PolicyKind kind,
            BigInteger minVotes, long requestsPerMinute, long maxBatchSize, List<String> allowList,
            Optional<ProposalExecution> execution) implements RegistryEvent {
        public AccessPolicySet {
            allowList = List.copyOf(allowList);
        }
    }

    /**
     * An ethical constraint was added; {@code minValue}/{@code maxValue} are fixed-point with
     * {@link RegistryKinds#VALUE_SCALE}.
     */
    record EthicalConstraintAdded(EventPosition position, String modelKey, String model, BigInteger constraintId,
            RegistryKinds.ConstraintKind kind, String target, BigInteger minValue, BigInteger maxValue, List<String> values,
            String rationale, Optional<ProposalExecution> execution) implements RegistryEvent {
        public EthicalConstraintAdded {
            values = List.copyOf(values);
        }
    }

    /** An ethical constraint was removed, with the reason. */
    record EthicalConstraintRemoved(EventPosition position, String modelKey, String model, BigInteger constraintId,
            String reason, Optional<ProposalExecution> execution) implements RegistryEvent {
    }

    /** The registry's owner changed (at deployment: to the timelock). */
    record OwnershipTransferred(EventPosition position, String previousOwner, String newOwner,
            Optional<ProposalExecution> execution) implements RegistryEvent {
    }
}
