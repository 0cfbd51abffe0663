package org.modeldao.gateway.approval;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

/**
 * Who may call a model, as voted. Addresses in {@code allowList} are lower-case 0x hex.
 * A model without a voted policy is served under {@link #DEFAULT}.
 */
public record AccessPolicy(
        PolicyKind kind, BigInteger minVotes, int requestsPerMinute, int maxBatchSize, List<String> allowList,
        Approval approval) {

    /**
     * A voted rate at or above this (the registry's uint clamped to an int) means "no rate limit":
     * over 35 million requests per second could never be exhausted, so no bucket is kept for it.
     */
    public static final int NO_RATE_LIMIT = Integer.MAX_VALUE;

    /** Until the DAO votes a policy: public, but rate- and batch-limited conservatively. */
    public static final AccessPolicy DEFAULT =
            new AccessPolicy(PolicyKind.PUBLIC, BigInteger.ZERO, 60, 16, List.of(), Approval.NONE);

    public AccessPolicy {
        allowList = allowList.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    public boolean rateLimited() {
        return requestsPerMinute < NO_RATE_LIMIT;
    }
}
