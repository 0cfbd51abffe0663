package org.modeldao.gateway.traffic;

import java.util.Locale;
import java.util.Set;

/**
 * What kind of rule a refused call met, for the public traffic summary: the reasons the pipeline counts
 * ({@code gateway_refusals_total{reason}}: the access policy's, the constraint kinds, the serving states) are
 * detail an operator reads; a member asks "was it the policy, the rate, an ethical constraint, a bad request, or
 * could the gateway not serve it". Each reason belongs to exactly one category ({@code RefusalCategoryTest}).
 */
public enum RefusalCategory {

    /**
     * Who may call and how large a batch: no or not enough votes, not on the allow-list, batch over the voted maximum, a
     * bearer token that does not verify.
     */
    ACCESS_POLICY(Set.of("token_required", "insufficient_votes", "not_allow_listed", "batch_too_large", "invalid_token")),
    /** The voted requests per minute, per caller or per network address. */
    RATE_LIMIT(Set.of("rate_limited", "address_rate_limited")),
    /** A voted ethical constraint (reasons {@code constraint_<KIND>}). */
    ETHICAL_CONSTRAINT(Set.of()),
    /** The request does not fit the model's declared signature, is not an inference request, or is over the size limit. */
    VALIDATION(Set.of("invalid_input", "malformed_request", "body_too_large")),
    /**
     * The gateway could not serve the call: no such version, revoked, quarantined, still loading, every worker busy,
     * voting power unreadable from the chain.
     */
    UNAVAILABLE(Set.of("not_found", "revoked", "quarantined", "not_ready", "at_capacity", "votes_unavailable")),
    /** The model was run and failed: the engine threw, or the answer held NaN or infinity. */
    MODEL_FAILURE(Set.of("engine_failure", "non_finite_output"));

    /** The prefix {@code InferenceService} gives the reasons of ethical constraint violations. */
    static final String CONSTRAINT_PREFIX = "constraint_";

    private final Set<String> reasons;

    RefusalCategory(Set<String> reasons) {
        this.reasons = reasons;
    }

    /** The name in the traffic summary's JSON: {@code access_policy}, {@code rate_limit}… */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the category of a counted refusal reason; a reason no category lists counts as {@link #UNAVAILABLE}
     *         (the call was not served), and {@code RefusalCategoryTest} keeps the lists complete
     */
    public static RefusalCategory of(String reason) {
        if (reason.startsWith(CONSTRAINT_PREFIX)) {
            return ETHICAL_CONSTRAINT;
        }
        for (RefusalCategory category : values()) {
            if (category.reasons.contains(reason)) {
                return category;
            }
        }
        return UNAVAILABLE;
    }

    static boolean listed(String reason) {
        return reason.startsWith(CONSTRAINT_PREFIX) || java.util.Arrays.stream(values()).anyMatch(c -> c.reasons.contains(reason));
    }
}
