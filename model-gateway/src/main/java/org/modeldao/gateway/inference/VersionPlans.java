package org.modeldao.gateway.inference;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.ModelGovernance;
import org.modeldao.gateway.constraints.ConstraintPlan;
import org.modeldao.gateway.serving.LoadedVersion;

/**
 * Caches a {@link VersionPlan} per loaded version for the governance snapshot in force. A call
 * always gets the plan of the very snapshot it read (compared by identity), so a voted change
 * applies from the next call exactly as before; a new snapshot starts an empty generation.
 */
final class VersionPlans {

    private record Generation(GovernanceSnapshot snapshot, Map<LoadedVersion, VersionPlan> plans) {}

    /** Versions reloaded without a snapshot change are rare; this only bounds a pathological case. */
    private static final int MAX_PLANS_PER_GENERATION = 1024;

    private final InferenceMetrics metrics;
    private volatile Generation generation = new Generation(GovernanceSnapshot.EMPTY, new ConcurrentHashMap<>());

    VersionPlans(InferenceMetrics metrics) {
        this.metrics = metrics;
    }

    VersionPlan planFor(LoadedVersion loaded, GovernanceSnapshot snapshot) {
        Generation current = generation;
        if (current.snapshot() != snapshot) {
            current = new Generation(snapshot, new ConcurrentHashMap<>());
            generation = current;
        }
        VersionPlan plan = current.plans().get(loaded);
        if (plan == null) {
            // the bound is checked where plans are added, not on every call (a map's size sums its counters)
            if (current.plans().size() >= MAX_PLANS_PER_GENERATION) {
                current = new Generation(snapshot, new ConcurrentHashMap<>());
                generation = current;
            }
            plan = build(loaded, snapshot);
            current.plans().put(loaded, plan);
        }
        return plan;
    }

    private VersionPlan build(LoadedVersion loaded, GovernanceSnapshot snapshot) {
        ApprovedVersion version = loaded.approved();
        ModelGovernance model = snapshot.model(version.model()).orElse(null);
        AccessPolicy policy = model == null ? AccessPolicy.DEFAULT : model.effectivePolicy();
        ConstraintPlan plan = ConstraintPlan.of(model == null ? List.of() : model.constraints());
        // a classifier's output side is checked; otherwise nothing is, and the decision log says "[]"
        List<String> outputSide = loaded.signature().labels().isEmpty() ? List.of() : plan.outputSideNames();
        String servedDetailPrefix = "constraints passed " + plan.inputSideNames() + outputSide + "; sha256 "
                + version.artifactSha256() + "; purpose ";
        return new VersionPlan(policy, plan, servedDetailPrefix, metrics.forVersion(version.model(), version.version()));
    }
}
