package org.modeldao.gateway.oip;

import java.util.Map;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.constraints.ConstraintViolation;
import org.modeldao.gateway.inference.InferenceOutcome;
import org.modeldao.gateway.policy.AccessDecision;
import org.modeldao.gateway.serving.ServingException;

/**
 * What a call that is not served answers, whatever the transport: one status (HTTP's; gRPC maps
 * it to its own code), one message and the governance behind the refusal. REST and gRPC render
 * these, so a client gets the same words over both.
 *
 * @param status HTTP status: 400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 502 or 503
 * @param parameters what the refusal rests on (provenance, policy, constraint), or null when nothing
 * @param retryAfterSeconds when a retry may succeed (429, 503), else 0
 */
public record ProtocolError(int status, String message, Map<String, Object> parameters, long retryAfterSeconds) {

    public static ProtocolError of(int status, String message) {
        return new ProtocolError(status, message, null, 0);
    }

    /** @throws IllegalArgumentException for a served outcome */
    public static ProtocolError of(InferenceOutcome outcome) {
        return switch (outcome) {
            case InferenceOutcome.Refused r -> refused(r.version(), r.refusal());
            case InferenceOutcome.Violated v -> violated(v.version(), v.violation());
            case InferenceOutcome.Invalid i -> of(400, i.message());
            case InferenceOutcome.Unservable u -> of(u.cause());
            case InferenceOutcome.Failed f -> failed(f);
            case InferenceOutcome.Served s -> throw new IllegalArgumentException("not a failure");
        };
    }

    public static ProtocolError of(ServingException e) {
        return switch (e) {
            case ServingException.NotFound n -> of(404, e.getMessage());
            case ServingException.Revoked r -> new ProtocolError(410, e.getMessage(),
                    r.version().map(Provenance::revocation).orElse(null), 0);
            case ServingException.Quarantined q -> of(409, e.getMessage());
            case ServingException.NotReady n -> new ProtocolError(503, e.getMessage(), null, 5);
            case ServingException.AtCapacity a -> new ProtocolError(503, e.getMessage(), null, 1);
            case ServingException.EngineFailure f -> of(500, e.getMessage());
        };
    }

    private static ProtocolError refused(ApprovedVersion version, AccessDecision.Refused refusal) {
        Map<String, Object> p = Provenance.of(version);
        p.put("refusal", refusal.reason());
        p.put("policy", refusal.policy());
        p.put("policy_proposal_id", refusal.proposalId());
        return new ProtocolError(refusal.status(), refusal.message() + " (policy " + refusal.policy()
                + " voted in proposal " + refusal.proposalId() + ")", p, refusal.retryAfterSeconds());
    }

    /** 502: the gateway works, the model behind it gave an unusable answer (NaN or infinity). */
    private static ProtocolError failed(InferenceOutcome.Failed failure) {
        Map<String, Object> p = Provenance.of(failure.version());
        p.put("failure", failure.reason());
        return new ProtocolError(502, failure.message(), p, 0);
    }

    private static ProtocolError violated(ApprovedVersion version, ConstraintViolation violation) {
        Map<String, Object> p = Provenance.of(version);
        p.put("constraint", violation.constraintName());
        p.put("constraint_id", violation.constraint().id().toString());
        p.put("rationale", violation.constraint().rationale());
        p.put("constraint_proposal_id", violation.constraint().approval().proposalId());
        return new ProtocolError(422, "ethical constraint " + violation.constraintName() + " violated: "
                + violation.detail() + " (rationale: " + violation.constraint().rationale() + "; proposal "
                + violation.constraint().approval().proposalId() + ")", p, 0);
    }
}
