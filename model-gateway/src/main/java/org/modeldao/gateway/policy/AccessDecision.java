package org.modeldao.gateway.policy;

/** Whether a caller may run a request, and if not which voted rule refused it. */
public sealed interface AccessDecision {

    AccessDecision ALLOWED = new Allowed();

    record Allowed() implements AccessDecision {}

    /**
     * @param status HTTP status the refusal maps to (401, 403, 413, 429, 503)
     * @param reason machine-readable reason, also the metric tag
     * @param policy the policy kind that applied
     * @param proposalId proposal that voted the policy ("" for the default policy)
     * @param retryAfterSeconds for 429/503, else 0
     */
    record Refused(int status, String reason, String message, String policy, String proposalId,
            long retryAfterSeconds) implements AccessDecision {}
}
