package org.modeldao.gateway.inference;

import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.constraints.ConstraintPlan;

/**
 * What the governed path needs for one loaded version under one governance snapshot, derived
 * once instead of on every request: the voted policy, the compiled constraints, the served
 * call's audit text up to the caller's purpose, and the version's meters.
 */
record VersionPlan(AccessPolicy policy, ConstraintPlan constraints, String servedAuditPrefix,
        InferenceMetrics.VersionMeters meters) {}
