package org.modeldao.gateway.constraints;

import org.modeldao.gateway.approval.EthicalConstraint;

/** A voted constraint a request or its output broke; the output is then withheld (422). */
public record ConstraintViolation(EthicalConstraint constraint, String detail) {

    public String constraintName() {
        return constraint.kind().name() + "#" + constraint.id();
    }
}
