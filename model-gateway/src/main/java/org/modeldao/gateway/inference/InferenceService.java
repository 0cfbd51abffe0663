package org.modeldao.gateway.inference;

import java.util.Arrays;
import java.util.List;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.approval.VersionKey;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.decisions.DecisionRecorder;
import org.modeldao.gateway.constraints.Classification;
import org.modeldao.gateway.constraints.ConstraintReport;
import org.modeldao.gateway.policy.AccessDecision;
import org.modeldao.gateway.policy.AccessPolicyEnforcer;
import org.modeldao.gateway.serving.Lease;
import org.modeldao.gateway.serving.LoadedVersion;
import org.modeldao.gateway.serving.ModelSignature;
import org.modeldao.gateway.serving.ServingException;
import org.modeldao.gateway.serving.ServingRegistry;
import org.modeldao.gateway.serving.Tensor;

/**
 * Runs one governed inference: resolve the approved version, apply the voted access policy,
 * validate, check input constraints, predict, check output constraints, and only then
 * return output. Every decision goes to the decision log (without payloads) and metrics.
 */
public final class InferenceService {

    private static final String UNKNOWN = "unknown";
    private static final String CURRENT = "current";
    static final String NON_FINITE_OUTPUT = "non_finite_output";
    /** Refused before the call (see {@link #refusedBeforeTheCall}): a bearer token that does not verify (401). */
    static final String INVALID_TOKEN = "invalid_token";
    /** … a body over the gateway's limit (413). */
    static final String BODY_TOO_LARGE = "body_too_large";
    /** … not an inference request: malformed JSON or protocol message, a token naming no account, another media type. */
    static final String MALFORMED_REQUEST = "malformed_request";

    private final ServingRegistry registry;
    private final GovernanceState governance;
    private final AccessPolicyEnforcer access;
    private final DecisionRecorder decisions;
    private final InferenceMetrics metrics;
    private final VersionPlans plans;

    public InferenceService(ServingRegistry registry, GovernanceState governance, AccessPolicyEnforcer access,
            DecisionRecorder decisions, InferenceMetrics metrics) {
        this.registry = registry;
        this.governance = governance;
        this.access = access;
        this.decisions = decisions;
        this.metrics = metrics;
        this.plans = new VersionPlans(metrics);
    }

    public InferenceOutcome infer(InferenceCall call) {
        long start = System.nanoTime();
        Lease lease;
        try {
            lease = registry.lease(call.model(), call.version());
        } catch (ServingException e) {
            boolean known = registry.knownModel(call.model());
            String reason = reasonOf(e);
            refusedUnresolved(call.model(), call.version(), reason);
            decisions.record(new DecisionEntry("REFUSAL", call.caller().describe(), known ? call.model() : UNKNOWN,
                    known ? call.version() : UNKNOWN, reason, e.getMessage()));
            return new InferenceOutcome.Unservable(e);
        }
        try (lease) {
            return inferWith(lease.version(), call, start);
        }
    }

    /**
     * Counts a call to {@code model} refused before it could be one — its bearer token did not verify, its body was
     * over the limit or not an inference request — so the traffic summary's refusals are all of them, whichever
     * transport refused it. Only the metric: such a call names no caller and reached no governed decision to log. The
     * names are bounded as in {@link #infer}.
     *
     * @param httpStatus the status it was refused with (gRPC: the HTTP status its code was mapped from); statuses
     *     that are no refusal of the caller's request (a failure inside the gateway, 503) are not counted
     */
    public void refusedBeforeTheCall(String model, String version, int httpStatus) {
        String reason = switch (httpStatus) {
            case 401 -> INVALID_TOKEN;
            case 413 -> BODY_TOO_LARGE;
            case 400, 406, 415 -> MALFORMED_REQUEST;
            default -> null;
        };
        if (reason != null) {
            refusedUnresolved(model, version, reason);
        }
    }

    /** Counts a refusal of names no approved version was resolved for: tags only from the approved set, else "unknown". */
    private void refusedUnresolved(String model, String version, String reason) {
        metrics.refused(registry.knownModel(model) ? model : UNKNOWN, approvedOrUnknown(model, version), reason);
    }

    private InferenceOutcome inferWith(LoadedVersion loaded, InferenceCall call, long start) {
        ApprovedVersion version = loaded.approved();
        ModelSignature signature = loaded.signature();
        VersionPlan plan = plans.planFor(loaded, governance.current());

        long batch = call.inputs().isEmpty() ? 0 : call.inputs().getFirst().batchSize();
        if (access.check(call.caller(), version.model(), plan.policy(), batch) instanceof AccessDecision.Refused refused) {
            refusal(call, version.model(), version.version(), refused.reason(), refused.message() + "; policy "
                    + refused.policy() + " set by proposal " + refused.proposalId());
            return new InferenceOutcome.Refused(version, refused);
        }
        String problem = InputValidator.problemWith(signature, call.inputs(), call.requestedOutputs());
        if (problem != null) {
            refusal(call, version.model(), version.version(), "invalid_input", problem);
            return new InferenceOutcome.Invalid(problem);
        }
        ConstraintReport before = plan.constraints().beforeInference(call.inputs(), call.purpose());
        if (!before.passed()) {
            return violated(call, version, before);
        }
        if (signature.labels().isEmpty()) {
            ConstraintReport unlabeled = plan.constraints().withoutLabels();
            if (!unlabeled.passed()) {
                return violated(call, version, unlabeled);
            }
        }
        List<Tensor> outputs;
        try {
            // stacked with other callers' rows when batching is on: all checks before and after are this call's own
            outputs = loaded.predict(call.inputs(), plan.policy().maxBatchSize());
        } catch (ServingException e) {
            refusal(call, version.model(), version.version(), reasonOf(e), e.getMessage());
            return new InferenceOutcome.Unservable(e);
        }
        String nonFinite = nonFiniteOutput(outputs);
        if (nonFinite != null) {
            metrics.refused(version.model(), version.version(), NON_FINITE_OUTPUT);
            decisions.record(new DecisionEntry("FAILURE", call.caller().describe(), version.model(), version.version(),
                    NON_FINITE_OUTPUT, nonFinite));
            return new InferenceOutcome.Failed(version, NON_FINITE_OUTPUT, nonFinite);
        }
        if (!signature.labels().isEmpty()) {
            Classification classification = Classification.of(outputs.getFirst(), signature.labels());
            ConstraintReport after = plan.constraints().afterInference(classification);
            if (!after.passed()) {
                return violated(call, version, after);
            }
            outputs = with(outputs, classification.asTensor(ModelSignature.LABEL_OUTPUT));
        }
        if (!call.requestedOutputs().isEmpty()) {
            outputs = outputs.stream().filter(t -> call.requestedOutputs().contains(t.name())).toList();
        }
        plan.meters().served(System.nanoTime() - start);
        decisions.record(new DecisionEntry("INFERENCE", call.caller().describe(), version.model(), version.version(), "served",
                plan.servedDecisionDetail(call.purpose())));
        return new InferenceOutcome.Served(version, call.requestId(), outputs);
    }

    /** @return what is wrong with the first NaN or infinite output value, or null when all are finite */
    private static String nonFiniteOutput(List<Tensor> outputs) {
        for (int t = 0; t < outputs.size(); t++) {
            Tensor output = outputs.get(t);
            double[] values = output.numbers();
            for (int i = 0; values != null && i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    return "the model produced a non-finite value (" + values[i] + ") in output " + output.name()
                            + " at index " + i + "; nothing of its answer is returned";
                }
            }
        }
        return null;
    }

    /** The predicted tensors plus the label: one array, whatever list the engine returned. */
    private static List<Tensor> with(List<Tensor> predicted, Tensor label) {
        Tensor[] all = predicted.toArray(new Tensor[predicted.size() + 1]);
        all[all.length - 1] = label;
        return Arrays.asList(all);
    }

    private InferenceOutcome violated(InferenceCall call, ApprovedVersion version, ConstraintReport report) {
        var violation = report.violation().orElseThrow();
        metrics.refused(version.model(), version.version(), "constraint_" + violation.constraint().kind().name());
        decisions.record(new DecisionEntry("VIOLATION", call.caller().describe(), version.model(), version.version(),
                violation.constraintName(), "checked " + report.checked() + "; " + violation.detail() + "; proposal "
                        + violation.constraint().approval().proposalId()));
        return new InferenceOutcome.Violated(version, violation);
    }

    /** For a call that reached an approved version: its names are approved-set values. */
    private void refusal(InferenceCall call, String model, String version, String reason, String detail) {
        metrics.refused(model, version, reason);
        decisions.record(new DecisionEntry("REFUSAL", call.caller().describe(), model, version, reason, detail));
    }

    /** The version as a metric tag: "current" for unversioned calls, an approved version, or "unknown". */
    private String approvedOrUnknown(String model, String version) {
        if (version == null) {
            return CURRENT;
        }
        return registry.state(new VersionKey(model, version)).isPresent() ? version : UNKNOWN;
    }

    private static String reasonOf(ServingException e) {
        return switch (e) {
            case ServingException.NotFound n -> "not_found";
            case ServingException.Revoked r -> "revoked";
            case ServingException.Quarantined q -> "quarantined";
            case ServingException.NotReady n -> "not_ready";
            case ServingException.AtCapacity a -> "at_capacity";
            case ServingException.EngineFailure f -> "engine_failure";
        };
    }
}
