package org.modeldao.gateway.inference;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.constraints.ConstraintPlan;

/**
 * What the governed path needs for one loaded version under one governance snapshot, derived
 * once instead of on every request: the voted policy, the compiled constraints, the served
 * call's decision log text, and the version's meters.
 */
final class VersionPlan {

    /** Purposes are few in practice (often a voted list); an unbounded variety is just not cached. */
    private static final int MAX_CACHED_PURPOSES = 32;

    private final AccessPolicy policy;
    private final ConstraintPlan constraints;
    private final String servedDetailPrefix;
    private final InferenceMetrics.VersionMeters meters;
    private final Map<String, String> servedDetails = new ConcurrentHashMap<>();
    /** The last purpose served and its detail: calls mostly repeat it, and an equals beats hashing and a map. */
    private volatile ServedDetail lastServed;

    private record ServedDetail(String purpose, String detail) {}

    VersionPlan(AccessPolicy policy, ConstraintPlan constraints, String servedDetailPrefix,
            InferenceMetrics.VersionMeters meters) {
        this.policy = policy;
        this.constraints = constraints;
        this.servedDetailPrefix = servedDetailPrefix;
        this.meters = meters;
    }

    AccessPolicy policy() {
        return policy;
    }

    ConstraintPlan constraints() {
        return constraints;
    }

    InferenceMetrics.VersionMeters meters() {
        return meters;
    }

    /**
     * The served call's detail in the decision log: every constraint passed, so only the declared purpose
     * varies. Built once per purpose (the text carries the artifact hash: ~150 characters to
     * copy per call otherwise).
     */
    String servedDecisionDetail(String purpose) {
        if (purpose == null) {
            return servedDetailPrefix + null;
        }
        ServedDetail last = lastServed;
        if (last != null && last.purpose().equals(purpose)) {
            return last.detail();
        }
        String detail = servedDetails.get(purpose);
        if (detail == null) {
            detail = servedDetailPrefix + purpose;
            if (servedDetails.size() < MAX_CACHED_PURPOSES) {
                servedDetails.put(purpose, detail);
            }
        }
        if (detail == servedDetails.get(purpose)) {
            lastServed = new ServedDetail(purpose, detail); // only a cached instance: its normal form is scanned once
        }
        return detail;
    }
}
