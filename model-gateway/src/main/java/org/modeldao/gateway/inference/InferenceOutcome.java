package org.modeldao.gateway.inference;

import java.util.List;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.constraints.ConstraintViolation;
import org.modeldao.gateway.policy.AccessDecision;
import org.modeldao.gateway.serving.ServingException;
import org.modeldao.gateway.serving.Tensor;

/** What became of an inference call. Only {@link Served} carries model output. */
public sealed interface InferenceOutcome {

    record Served(ApprovedVersion version, String requestId, List<Tensor> outputs) implements InferenceOutcome {}

    /** The voted access policy refused the caller. */
    record Refused(ApprovedVersion version, AccessDecision.Refused refusal) implements InferenceOutcome {}

    /** A voted ethical constraint was broken; the output, if any, is withheld. */
    record Violated(ApprovedVersion version, ConstraintViolation violation) implements InferenceOutcome {}

    /** The request does not fit the model's declared signature (400). */
    record Invalid(String message) implements InferenceOutcome {}

    /**
     * The model ran but its answer cannot be used (it produced NaN or infinity): nothing of it is
     * returned and no label is derived from it (502: the upstream answered badly).
     */
    record Failed(ApprovedVersion version, String reason, String message) implements InferenceOutcome {}

    /** The version cannot answer: unknown, revoked, quarantined, loading, at capacity. */
    record Unservable(ServingException cause) implements InferenceOutcome {}
}
