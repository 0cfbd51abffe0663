package org.modeldao.gateway.constraints;

import java.util.List;
import java.util.Optional;

/**
 * Outcome of checking the constraints of one phase: which constraints were checked (for the
 * decision log) and the first violation, if any.
 */
public record ConstraintReport(List<String> checked, Optional<ConstraintViolation> violation) {

    public static final ConstraintReport NONE = new ConstraintReport(List.of(), Optional.empty());

    public ConstraintReport {
        checked = List.copyOf(checked);
    }

    public boolean passed() {
        return violation.isEmpty();
    }
}
