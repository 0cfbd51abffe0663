package org.modeldao.gateway.approval;

import java.math.BigInteger;
import java.util.List;

/**
 * Who may call a model, as voted. Addresses in {@code allowList} are lower-case 0x hex.
 * A model without a voted policy is served under {@link #DEFAULT}.
 */
public record AccessPolicy(
        Kind kind, BigInteger minVotes, int requestsPerMinute, int maxBatchSize, List<String> allowList,
        Approval approval) {

    public enum Kind { PUBLIC, TOKEN_HOLDERS, ALLOW_LIST }

    /** Until the DAO votes a policy: public, but rate- and batch-limited conservatively. */
    public static final AccessPolicy DEFAULT =
            new AccessPolicy(Kind.PUBLIC, BigInteger.ZERO, 60, 16, List.of(), Approval.NONE);

    public AccessPolicy {
        allowList = allowList.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
