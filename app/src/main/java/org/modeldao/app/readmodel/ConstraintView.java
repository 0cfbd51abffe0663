package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;

/**
 * An ethical constraint on a model; decimal bounds are scaled by 1e6 as in the registry.
 *
 * @param active false once a proposal removed it (then removedAt/removalReason say when and why, removedTx in which transaction)
 */
public record ConstraintView(BigInteger id, String model, ConstraintKind kind, String target, BigInteger minValue,
        BigInteger maxValue, List<String> values, String rationale, Instant addedAt, BigInteger addedByProposal,
        boolean active, Instant removedAt, String removalReason, BigInteger removedByProposal, String addedTx, String removedTx) {

    public ConstraintView {
        values = List.copyOf(values);
    }
}
