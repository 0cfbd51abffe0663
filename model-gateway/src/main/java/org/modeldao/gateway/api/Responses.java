package org.modeldao.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.ModelGovernance;
import org.modeldao.gateway.constraints.ConstraintViolation;
import org.modeldao.gateway.inference.InferenceOutcome;
import org.modeldao.gateway.policy.AccessDecision;
import org.modeldao.gateway.serving.ServingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The one place where gateway outcomes become HTTP statuses and error bodies. */
final class Responses {

    private Responses() {}

    /** What every response says about the version that answered: hash and approving proposal. */
    static Map<String, Object> provenance(ApprovedVersion v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model_version", v.version());
        p.put("artifact_sha256", v.artifactSha256());
        p.put("card_sha256", v.cardSha256());
        p.put("approving_proposal_id", v.approval().proposalId());
        p.put("approval_transaction", v.approval().transactionHash());
        p.put("approval_block", v.approval().blockNumber());
        return p;
    }

    /**
     * Who decided the rest of what governs a model: the current-version switch, the access
     * policy and each constraint, each with the proposal, transaction and block that set it.
     * An empty proposal id means the change was not made by an executed proposal.
     */
    static void putGovernance(Map<String, Object> p, ModelGovernance m) {
        p.put("current_version", m.currentVersion());
        p.put("current_version_set_by", decision(m.currentVersionApproval()));
        if (m.policy() == null) {
            p.put("policy", Map.of("kind", "DEFAULT"));
        } else {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("kind", m.policy().kind().name());
            policy.putAll(decision(m.policy().approval()));
            p.put("policy", policy);
        }
        p.put("constraints", m.constraints().stream().map(c -> {
            Map<String, Object> constraint = new LinkedHashMap<>();
            constraint.put("id", c.id().toString());
            constraint.put("kind", c.kind().name());
            constraint.putAll(decision(c.approval()));
            return constraint;
        }).toList());
    }

    /** What a 410 says about the revocation: which proposal, transaction and block, and why. */
    static Map<String, Object> revocation(ApprovedVersion v) {
        Map<String, Object> p = provenance(v);
        p.put("revoking_proposal_id", v.revocation().proposalId());
        p.put("revocation_transaction", v.revocation().transactionHash());
        p.put("revocation_block", v.revocation().blockNumber());
        p.put("revocation_reason", v.revocationReason());
        return p;
    }

    private static Map<String, Object> decision(Approval approval) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("proposal_id", approval.proposalId());
        d.put("transaction", approval.transactionHash());
        d.put("block", approval.blockNumber());
        return d;
    }

    static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new OipDtos.ErrorBody(message));
    }

    static ResponseEntity<Object> failure(InferenceOutcome outcome) {
        return switch (outcome) {
            case InferenceOutcome.Refused r -> refused(r.version(), r.refusal());
            case InferenceOutcome.Violated v -> violated(v.version(), v.violation());
            case InferenceOutcome.Invalid i -> error(HttpStatus.BAD_REQUEST, i.message());
            case InferenceOutcome.Unservable u -> unservable(u.cause());
            case InferenceOutcome.Failed f -> failed(f);
            case InferenceOutcome.Served s -> throw new IllegalArgumentException("not a failure");
        };
    }

    static ResponseEntity<Object> unservable(ServingException e) {
        return switch (e) {
            case ServingException.NotFound n -> error(HttpStatus.NOT_FOUND, e.getMessage());
            case ServingException.Revoked r -> r.version()
                    .<ResponseEntity<Object>>map(v -> ResponseEntity.status(HttpStatus.GONE)
                            .body(new OipDtos.ErrorBody(e.getMessage(), revocation(v))))
                    .orElseGet(() -> error(HttpStatus.GONE, e.getMessage()));
            case ServingException.Quarantined q -> error(HttpStatus.CONFLICT, e.getMessage());
            case ServingException.NotReady n -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5").body(new OipDtos.ErrorBody(e.getMessage()));
            case ServingException.AtCapacity a -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1").body(new OipDtos.ErrorBody(e.getMessage()));
            case ServingException.EngineFailure f -> error(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        };
    }

    private static ResponseEntity<Object> refused(ApprovedVersion version, AccessDecision.Refused refusal) {
        Map<String, Object> p = provenance(version);
        p.put("refusal", refusal.reason());
        p.put("policy", refusal.policy());
        p.put("policy_proposal_id", refusal.proposalId());
        var builder = ResponseEntity.status(refusal.status());
        if (refusal.retryAfterSeconds() > 0) {
            builder.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        if (refusal.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.body(new OipDtos.ErrorBody(refusal.message() + " (policy " + refusal.policy()
                + " voted in proposal " + refusal.proposalId() + ")", p));
    }

    /** 502: the gateway works, the model behind it gave an unusable answer (NaN or infinity). */
    private static ResponseEntity<Object> failed(InferenceOutcome.Failed failure) {
        Map<String, Object> p = provenance(failure.version());
        p.put("failure", failure.reason());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(new OipDtos.ErrorBody(failure.message(), p));
    }

    private static ResponseEntity<Object> violated(ApprovedVersion version, ConstraintViolation violation) {
        Map<String, Object> p = provenance(version);
        p.put("constraint", violation.constraintName());
        p.put("constraint_id", violation.constraint().id().toString());
        p.put("rationale", violation.constraint().rationale());
        p.put("constraint_proposal_id", violation.constraint().approval().proposalId());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new OipDtos.ErrorBody(
                "ethical constraint " + violation.constraintName() + " violated: " + violation.detail()
                        + " (rationale: " + violation.constraint().rationale() + "; proposal "
                        + violation.constraint().approval().proposalId() + ")", p));
    }
}
