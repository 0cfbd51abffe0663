package org.modeldao.gateway.approval;

import java.math.BigInteger;

/** A ModelRegistry event, decoded, with the approval (proposal, tx, block) that emitted it. */
public sealed interface RegistryEvent {

    Approval approval();

    /** Position in the chain, for ordering events of one block. */
    long logIndex();

    record VersionApproved(ApprovedVersion version, Approval approval, long logIndex) implements RegistryEvent {}

    record VersionRevoked(String model, String version, String reason, Approval approval, long logIndex)
            implements RegistryEvent {}

    record CurrentVersionChanged(String model, String newVersion, Approval approval, long logIndex)
            implements RegistryEvent {}

    record PolicySet(String model, AccessPolicy policy, Approval approval, long logIndex) implements RegistryEvent {}

    record ConstraintAdded(String model, EthicalConstraint constraint, Approval approval, long logIndex)
            implements RegistryEvent {}

    record ConstraintRemoved(String model, BigInteger constraintId, String reason, Approval approval, long logIndex)
            implements RegistryEvent {}
}
