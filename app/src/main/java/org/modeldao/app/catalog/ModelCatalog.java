package org.modeldao.app.catalog;

import static org.modeldao.app.proposals.EventLogs.is;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernanceLogs;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.RegistryKinds.VersionState;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.springframework.stereotype.Service;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The model catalog, rebuilt from the registry's events (they carry all data), each change
 * linked to the proposal whose execution emitted it.
 */
@Service
public class ModelCatalog {

    private final GovernanceLogs logs;
    private final GovernanceContracts contracts;

    public ModelCatalog(GovernanceLogs logs, GovernanceContracts contracts) {
        this.logs = logs;
        this.contracts = contracts;
    }

    public List<CatalogModel> models() {
        List<Log> all = logs.all();
        Map<String, BigInteger> proposalByTransaction = new HashMap<>();
        for (Log log : all) {
            if (is(log, contracts.governor(), ModelDaoGovernor.PROPOSALEXECUTED_EVENT)) {
                proposalByTransaction.put(log.getTransactionHash(), ModelDaoGovernor.getProposalExecutedEventFromLog(log).proposalId);
            }
        }
        Map<String, Builder> models = new LinkedHashMap<>();
        for (Log log : all) {
            if (!log.getAddress().equalsIgnoreCase(contracts.registry())) {
                continue;
            }
            DecisionLink link = new DecisionLink(Optional.ofNullable(proposalByTransaction.get(log.getTransactionHash())),
                    log.getTransactionHash(), log.getBlockNumber().longValueExact());
            apply(log, link, models);
        }
        return models.values().stream().map(Builder::build).toList();
    }

    public Optional<CatalogModel> model(String name) {
        return models().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static void apply(Log log, DecisionLink link, Map<String, Builder> models) {
        if (is(log, log.getAddress(), ModelRegistry.MODELVERSIONAPPROVED_EVENT)) {
            var e = ModelRegistry.getModelVersionApprovedEventFromLog(log);
            models.computeIfAbsent(e.model, Builder::new).versions.put(e.version, new CatalogModel.Version(e.version, VersionState.APPROVED,
                    Numeric.toHexString(e.artifactSha256), e.artifactUri, Numeric.toHexString(e.cardSha256), e.cardUri, e.format, link,
                    Optional.empty(), ""));
        } else if (is(log, log.getAddress(), ModelRegistry.MODELVERSIONREVOKED_EVENT)) {
            var e = ModelRegistry.getModelVersionRevokedEventFromLog(log);
            models.computeIfAbsent(e.model, Builder::new).versions.computeIfPresent(e.version, (k, v) -> new CatalogModel.Version(
                    v.version(), VersionState.REVOKED, v.artifactSha256(), v.artifactUri(), v.cardSha256(), v.cardUri(), v.format(),
                    v.approvedBy(), Optional.of(link), e.reason));
        } else if (is(log, log.getAddress(), ModelRegistry.CURRENTVERSIONCHANGED_EVENT)) {
            var e = ModelRegistry.getCurrentVersionChangedEventFromLog(log);
            Builder model = models.computeIfAbsent(e.model, Builder::new);
            model.current = e.newVersion.isEmpty() ? Optional.empty() : Optional.of(e.newVersion);
            model.currentSetBy = Optional.of(link);
        } else if (is(log, log.getAddress(), ModelRegistry.ACCESSPOLICYSET_EVENT)) {
            var e = ModelRegistry.getAccessPolicySetEventFromLog(log);
            String text = described(() -> new ProposalAction.SetAccessPolicy(e.model, PolicyKind.of(e.kind), e.minVotes,
                    e.requestsPerMinute.longValueExact(), e.maxBatchSize.longValueExact(), e.allowList).describe()
                    .replaceFirst("^Set the access policy of model [^:]+: ", ""), "policy kind " + e.kind);
            models.computeIfAbsent(e.model, Builder::new).policy = Optional.of(new CatalogModel.Rule(Optional.empty(), capitalize(text), link));
        } else if (is(log, log.getAddress(), ModelRegistry.ETHICALCONSTRAINTADDED_EVENT)) {
            var e = ModelRegistry.getEthicalConstraintAddedEventFromLog(log);
            String text = described(() -> new ProposalAction.AddConstraint(e.model, ConstraintKind.of(e.kind), e.target,
                    new BigDecimal(e.minValue, 6), new BigDecimal(e.maxValue, 6), e.values, e.rationale).describe()
                    .replaceFirst("^Add ethical constraint to model [^:]+: ", ""), "constraint kind " + e.kind + ": " + e.rationale);
            models.computeIfAbsent(e.model, Builder::new).constraints.put(e.constraintId.longValueExact(),
                    new CatalogModel.Rule(Optional.of(e.constraintId.longValueExact()), capitalize(text), link));
        } else if (is(log, log.getAddress(), ModelRegistry.ETHICALCONSTRAINTREMOVED_EVENT)) {
            var e = ModelRegistry.getEthicalConstraintRemovedEventFromLog(log);
            models.computeIfAbsent(e.model, Builder::new).constraints.remove(e.constraintId.longValueExact());
        }
    }

    /** Data written by other tools may not pass this app's stricter form checks: shown raw then. */
    private static String described(java.util.function.Supplier<String> description, String fallback) {
        try {
            return description.get();
        } catch (RuntimeException stricterThanTheChain) {
            return fallback;
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static final class Builder {
        final String name;
        final Map<String, CatalogModel.Version> versions = new LinkedHashMap<>();
        final Map<Long, CatalogModel.Rule> constraints = new LinkedHashMap<>();
        Optional<String> current = Optional.empty();
        Optional<DecisionLink> currentSetBy = Optional.empty();
        Optional<CatalogModel.Rule> policy = Optional.empty();

        Builder(String name) {
            this.name = name;
        }

        CatalogModel build() {
            return new CatalogModel(name, current, currentSetBy, List.copyOf(new ArrayList<>(versions.values())), policy,
                    List.copyOf(constraints.values()));
        }
    }
}
