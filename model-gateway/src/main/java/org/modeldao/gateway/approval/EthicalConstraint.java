package org.modeldao.gateway.approval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * One voted ethical constraint. {@code minValue}/{@code maxValue} are the registry's
 * integers scaled by 1e6 (see ModelRegistry.VALUE_SCALE); use {@link #min()}/{@link #max()}.
 */
public record EthicalConstraint(
        BigInteger id, Kind kind, String target, BigInteger minValue, BigInteger maxValue, List<String> values,
        String rationale, Approval approval) {

    public enum Kind { MAX_INPUT_SIZE, INPUT_RANGE, FORBIDDEN_OUTPUT_LABEL, MIN_CONFIDENCE, ALLOWED_PURPOSES }

    public static final BigDecimal VALUE_SCALE = BigDecimal.valueOf(1_000_000);

    public EthicalConstraint {
        values = List.copyOf(values);
    }

    /** Checked on every request: a double division, not BigDecimal arithmetic. */
    public double min() {
        return minValue.doubleValue() / 1_000_000d;
    }

    public double max() {
        return maxValue.doubleValue() / 1_000_000d;
    }
}
