package org.modeldao.gateway.constraints;

import java.util.List;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.serving.Tensor;

/**
 * Checks the DAO's ethical constraints around one inference: input-side constraints before
 * the model runs, output-side ones after it and before anything is returned. Stateless: it
 * is handed the constraints in force at the time of the call. The serving path compiles them
 * once per governance snapshot with {@link #plan}; these one-off methods compile per call.
 */
public final class ConstraintEngine {

    /** Compiles the constraints in force, to be reused for every call until the DAO changes them. */
    public ConstraintPlan plan(List<EthicalConstraint> constraints) {
        return ConstraintPlan.of(constraints);
    }

    /** Input-side: size, value ranges, declared purpose. */
    public ConstraintReport beforeInference(List<EthicalConstraint> constraints, List<Tensor> inputs, String purpose) {
        return plan(constraints).beforeInference(inputs, purpose);
    }

    /** Output-side: forbidden labels, minimum confidence (the model abstains below it). */
    public ConstraintReport afterInference(List<EthicalConstraint> constraints, Classification classification) {
        return plan(constraints).afterInference(classification);
    }
}
