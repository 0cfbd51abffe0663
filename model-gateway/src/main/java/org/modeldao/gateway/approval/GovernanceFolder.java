package org.modeldao.gateway.approval;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modeldao.contracts.events.ChainHex;
import org.modeldao.contracts.events.ProposalExecution;
import org.modeldao.contracts.events.RegistryEvent;

/**
 * Folds the shared stream's registry events, in chain order, into a new snapshot. Pure: the same
 * events give the same state, which is what lets the gateway rebuild the approved set from logs
 * alone. Each change keeps the {@link Approval} the stream attributed it to.
 */
public final class GovernanceFolder {

    private GovernanceFolder() {}

    public static GovernanceSnapshot apply(GovernanceSnapshot base, List<? extends RegistryEvent> events, long upToBlock) {
        Map<String, ModelGovernance> models = new HashMap<>(base.models());
        for (RegistryEvent event : events) {
            Approval approval = approvalOf(event);
            switch (event) {
                case RegistryEvent.ModelVersionApproved e -> update(models, e.model(), m -> {
                    Map<String, ApprovedVersion> versions = new HashMap<>(m.versions());
                    // sha256 stays bare hex inside the gateway: its public API and the artifact check use that form
                    versions.put(e.version(), ApprovedVersion.approved(e.model(), e.version(), ChainHex.bare(e.artifactSha256()),
                            e.artifactUri(), ChainHex.bare(e.cardSha256()), e.cardUri(), e.format(), approval));
                    return withVersions(m, versions);
                });
                case RegistryEvent.ModelVersionRevoked e -> update(models, e.model(), m -> {
                    Map<String, ApprovedVersion> versions = new HashMap<>(m.versions());
                    versions.computeIfPresent(e.version(), (k, v) -> v.revokedBecause(e.reason(), approval));
                    return withVersions(m, versions);
                });
                case RegistryEvent.CurrentVersionChanged e -> update(models, e.model(), m -> new ModelGovernance(
                        m.name(), m.versions(), e.newVersion(), approval, m.policy(), m.constraints()));
                case RegistryEvent.AccessPolicySet e -> update(models, e.model(), m -> new ModelGovernance(
                        m.name(), m.versions(), m.currentVersion(), m.currentVersionApproval(),
                        new AccessPolicy(e.kind(), e.minVotes(), clamp(e.requestsPerMinute()), clamp(e.maxBatchSize()),
                                e.allowList(), approval),
                        m.constraints()));
                case RegistryEvent.EthicalConstraintAdded e -> update(models, e.model(), m -> {
                    List<EthicalConstraint> constraints = new ArrayList<>(m.constraints());
                    constraints.add(new EthicalConstraint(e.constraintId(), e.kind(), e.target(), e.minValue(), e.maxValue(),
                            e.values(), e.rationale(), approval));
                    return withConstraints(m, constraints);
                });
                case RegistryEvent.EthicalConstraintRemoved e -> update(models, e.model(), m -> withConstraints(m,
                        m.constraints().stream().filter(c -> !c.id().equals(e.constraintId())).toList()));
                case RegistryEvent.OwnershipTransferred e -> {
                    // the registry's owner (the timelock) changes nothing the gateway serves
                }
            }
        }
        return new GovernanceSnapshot(upToBlock, models);
    }

    /** The proposal whose execution made the change ("" when none did), the transaction and the block. */
    static Approval approvalOf(RegistryEvent event) {
        return new Approval(event.execution().map(ProposalExecution::proposalId).map(BigInteger::toString).orElse(""),
                event.position().txHash(), event.position().blockNumber());
    }

    /** uint32 limits above Integer.MAX_VALUE mean "practically unlimited"; they must not break the sync. */
    private static int clamp(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
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
