package org.modeldao.gateway.approval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the DAO decided about one model.
 *
 * @param versions every registered version by name, revoked ones included
 * @param currentVersion the version unversioned requests get; empty when none is current
 * @param policy the voted access policy, or null when none was voted yet
 */
public record ModelGovernance(
        String name,
        Map<String, ApprovedVersion> versions,
        String currentVersion,
        Approval currentVersionApproval,
        AccessPolicy policy,
        List<EthicalConstraint> constraints) {

    public ModelGovernance {
        versions = Map.copyOf(versions);
        constraints = List.copyOf(constraints);
    }

    public Optional<ApprovedVersion> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    public AccessPolicy effectivePolicy() {
        return policy == null ? AccessPolicy.DEFAULT : policy;
    }
}
