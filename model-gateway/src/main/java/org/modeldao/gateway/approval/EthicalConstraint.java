package org.modeldao.gateway.approval;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds;

/**
 * One voted ethical constraint. {@code minValue}/{@code maxValue} are the registry's
 * integers scaled by 1e6 ({@link RegistryKinds#VALUE_SCALE}); use {@link #min()}/{@link #max()}.
 */
public record EthicalConstraint(
        BigInteger id, ConstraintKind kind, String target, BigInteger minValue, BigInteger maxValue, List<String> values,
        String rationale, Approval approval) {

    public EthicalConstraint {
        values = List.copyOf(values);
    }

    /** Checked on every request: a double division, not BigDecimal arithmetic. */
    public double min() {
        return minValue.doubleValue() / RegistryKinds.VALUE_SCALE;
    }

    public double max() {
        return maxValue.doubleValue() / RegistryKinds.VALUE_SCALE;
    }
}
