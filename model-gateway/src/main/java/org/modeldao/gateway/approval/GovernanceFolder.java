package org.modeldao.gateway.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds registry events, in chain order, into a new snapshot. Pure: the same events give the
 * same state, which is what lets the gateway rebuild the approved set from logs alone.
 */
public final class GovernanceFolder {

    private GovernanceFolder() {}

    public static GovernanceSnapshot apply(GovernanceSnapshot base, List<RegistryEvent> events, long upToBlock) {
        Map<String, ModelGovernance> models = new HashMap<>(base.models());
        for (RegistryEvent event : events) {
            switch (event) {
                case RegistryEvent.VersionApproved e -> update(models, e.version().model(), m -> {
                    Map<String, ApprovedVersion> versions = new HashMap<>(m.versions());
                    versions.put(e.version().version(), e.version());
                    return withVersions(m, versions);
                });
                case RegistryEvent.VersionRevoked e -> update(models, e.model(), m -> {
                    Map<String, ApprovedVersion> versions = new HashMap<>(m.versions());
                    versions.computeIfPresent(e.version(), (k, v) -> v.revokedBecause(e.reason(), e.approval()));
                    return withVersions(m, versions);
                });
                case RegistryEvent.CurrentVersionChanged e -> update(models, e.model(), m -> new ModelGovernance(
                        m.name(), m.versions(), e.newVersion(), e.approval(), m.policy(), m.constraints()));
                case RegistryEvent.PolicySet e -> update(models, e.model(), m -> new ModelGovernance(
                        m.name(), m.versions(), m.currentVersion(), m.currentVersionApproval(), e.policy(),
                        m.constraints()));
                case RegistryEvent.ConstraintAdded e -> update(models, e.model(), m -> {
                    List<EthicalConstraint> constraints = new ArrayList<>(m.constraints());
                    constraints.add(e.constraint());
                    return withConstraints(m, constraints);
                });
                case RegistryEvent.ConstraintRemoved e -> update(models, e.model(), m -> withConstraints(m,
                        m.constraints().stream().filter(c -> !c.id().equals(e.constraintId())).toList()));
            }
        }
        return new GovernanceSnapshot(upToBlock, models);
    }

    private static void update(Map<String, ModelGovernance> models, String name,
            java.util.function.UnaryOperator<ModelGovernance> change) {
        ModelGovernance existing = models.getOrDefault(name,
                new ModelGovernance(name, Map.of(), "", Approval.NONE, null, List.of()));
        models.put(name, change.apply(existing));
    }

    private static ModelGovernance withVersions(ModelGovernance m, Map<String, ApprovedVersion> versions) {
        return new ModelGovernance(m.name(), versions, m.currentVersion(), m.currentVersionApproval(), m.policy(),
                m.constraints());
    }

    private static ModelGovernance withConstraints(ModelGovernance m, List<EthicalConstraint> constraints) {
        return new ModelGovernance(m.name(), m.versions(), m.currentVersion(), m.currentVersionApproval(), m.policy(),
                constraints);
    }
}
