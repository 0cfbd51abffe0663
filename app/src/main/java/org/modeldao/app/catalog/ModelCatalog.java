package org.modeldao.app.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.app.readmodel.AccessPolicyView;
import org.modeldao.app.readmodel.ConstraintView;
import org.modeldao.app.readmodel.ModelVersionView;
import org.modeldao.app.readmodel.RegistryReadModel;
import org.modeldao.contracts.RegistryKinds.VersionState;
import org.springframework.stereotype.Service;

/**
 * The model catalog from the indexer's read model of the registry, each change linked to the
 * proposal whose execution made it.
 */
@Service
public class ModelCatalog {

    private final RegistryReadModel registry;

    public ModelCatalog(RegistryReadModel registry) {
        this.registry = registry;
    }

    public List<CatalogModel> models() {
        return registry.models().stream().map(this::catalogModel).toList();
    }

    public Optional<CatalogModel> model(String name) {
        return registry.models().contains(name) ? Optional.of(catalogModel(name)) : Optional.empty();
    }

    private CatalogModel catalogModel(String name) {
        var current = registry.currentVersionChange(name);
        return new CatalogModel(name, current.map(c -> c.version()).filter(v -> !v.isEmpty()),
                current.map(c -> DecisionLink.of(c.proposalId(), c.txHash(), c.changedAt())),
                registry.versionsOf(name).stream().map(ModelCatalog::version).toList(),
                registry.accessPolicy(name).map(ModelCatalog::policy),
                registry.constraints(name, false).stream().map(ModelCatalog::constraint).toList());
    }

    private static CatalogModel.Version version(ModelVersionView v) {
        return new CatalogModel.Version(v.version(), v.revoked() ? VersionState.REVOKED : VersionState.APPROVED, v.artifactSha256(),
                v.artifactUri(), v.cardSha256(), v.cardUri(), v.format(), DecisionLink.of(v.approvedByProposal(), v.approvedTx(), v.approvedAt()),
                v.revoked() ? Optional.of(DecisionLink.of(v.revokedByProposal(), v.revokedTx(), v.revokedAt())) : Optional.empty(),
                v.revocationReason() == null ? "" : v.revocationReason());
    }

    private static CatalogModel.Rule policy(AccessPolicyView p) {
        String text = described(() -> new ProposalAction.SetAccessPolicy(p.model(), p.kind(), p.minVotes(), p.requestsPerMinute(),
                p.maxBatchSize(), p.allowList()).describe().replaceFirst("^Set the access policy of model [^:]+: ", ""),
                "policy kind " + p.kind());
        return new CatalogModel.Rule(Optional.empty(), capitalize(text), DecisionLink.of(p.setByProposal(), p.txHash(), p.setAt()));
    }

    private static CatalogModel.Rule constraint(ConstraintView c) {
        String text = described(() -> new ProposalAction.AddConstraint(c.model(), c.kind(), c.target(), scaled(c.minValue()),
                scaled(c.maxValue()), c.values(), c.rationale()).describe().replaceFirst("^Add ethical constraint to model [^:]+: ", ""),
                "constraint kind " + c.kind() + ": " + c.rationale());
        return new CatalogModel.Rule(Optional.of(c.id().longValueExact()), capitalize(text), DecisionLink.of(c.addedByProposal(), c.addedTx(), c.addedAt()));
    }

    private static BigDecimal scaled(java.math.BigInteger value) {
        return new BigDecimal(value, 6);
    }

    /** Data written by other tools may not pass this app's stricter form checks: shown raw then. */
    private static String described(Supplier<String> description, String fallback) {
        try {
            return description.get();
        } catch (RuntimeException stricterThanTheChain) {
            return fallback;
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
