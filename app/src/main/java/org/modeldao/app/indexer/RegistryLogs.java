package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.LogContext.address;
import static org.modeldao.app.indexer.LogContext.name;
import static org.modeldao.app.indexer.LogContext.text;
import static org.modeldao.app.indexer.LogContext.uri;
import static org.modeldao.contracts.wrappers.ModelRegistry.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry changes: model versions, the current-version alias, access policies and ethical
 * constraints. Each row names the proposal executed in the same transaction, if any.
 */
final class RegistryLogs extends ContractLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    RegistryLogs() {
        super("REGISTRY");
        on(MODELVERSIONAPPROVED_EVENT, (c, changes) -> {
            ModelVersionApprovedEventResponse e = getModelVersionApprovedEventFromLog(c.log());
            String model = name(e.model);
            String version = name(e.version);
            String format = name(e.format);
            changes.add(Statement.INSERT_VERSION, model, version, Numeric.toHexString(e.artifactSha256), uri(e.artifactUri),
                    Numeric.toHexString(e.cardSha256), uri(e.cardUri), format, c.blockNumber(), c.logIndex(), c.txHash(), c.time(),
                    c.executedProposalId());
            linked(c, changes, MODELVERSIONAPPROVED_EVENT, "Approved " + model + " " + version + " (" + format + ")");
        });
        on(MODELVERSIONREVOKED_EVENT, (c, changes) -> {
            ModelVersionRevokedEventResponse e = getModelVersionRevokedEventFromLog(c.log());
            String model = name(e.model);
            String version = name(e.version);
            String reason = text(e.reason);
            changes.add(Statement.VERSION_REVOKED, c.blockNumber(), c.txHash(), c.time(), reason, c.executedProposalId(), model, version);
            linked(c, changes, MODELVERSIONREVOKED_EVENT, "Revoked " + model + " " + version + ": " + reason);
        });
        on(CURRENTVERSIONCHANGED_EVENT, (c, changes) -> {
            CurrentVersionChangedEventResponse e = getCurrentVersionChangedEventFromLog(c.log());
            String model = name(e.model);
            String previous = name(e.previousVersion);
            String current = name(e.newVersion);
            changes.add(Statement.INSERT_CURRENT_CHANGE, c.txHash(), c.logIndex(), model, previous, current,
                    c.blockNumber(), c.time(), c.executedProposalId());
            linked(c, changes, CURRENTVERSIONCHANGED_EVENT, current.isEmpty()
                    ? model + " has no current version any more"
                    : model + " now serves " + current + (previous.isEmpty() ? "" : " (was " + previous + ")"));
        });
        on(ACCESSPOLICYSET_EVENT, (c, changes) -> {
            AccessPolicySetEventResponse e = getAccessPolicySetEventFromLog(c.log());
            String model = name(e.model);
            List<String> allowList = e.allowList.stream().map(LogContext::address).toList();
            changes.add(Statement.INSERT_POLICY, c.txHash(), c.logIndex(), model, e.kind.intValueExact(),
                    new BigDecimal(e.minVotes), e.requestsPerMinute.longValueExact(), e.maxBatchSize.longValueExact(),
                    String.join(",", allowList), c.blockNumber(), c.time(), c.executedProposalId());
            linked(c, changes, ACCESSPOLICYSET_EVENT, "Access policy of " + model + " set (kind " + e.kind + ", "
                    + e.requestsPerMinute + " requests/min)");
        });
        on(ETHICALCONSTRAINTADDED_EVENT, (c, changes) -> {
            EthicalConstraintAddedEventResponse e = getEthicalConstraintAddedEventFromLog(c.log());
            String model = name(e.model);
            String rationale = text(e.rationale);
            List<String> values = e.values.stream().map(LogContext::name).toList();
            changes.add(Statement.INSERT_CONSTRAINT, new BigDecimal(e.constraintId), model, e.kind.intValueExact(), name(e.target),
                    new BigDecimal(e.minValue), new BigDecimal(e.maxValue), JSON.writeValueAsString(values),
                    rationale, c.blockNumber(), c.txHash(), c.time(), c.executedProposalId());
            linked(c, changes, ETHICALCONSTRAINTADDED_EVENT, "Constraint " + e.constraintId + " added to " + model + ": " + rationale);
        });
        on(ETHICALCONSTRAINTREMOVED_EVENT, (c, changes) -> {
            EthicalConstraintRemovedEventResponse e = getEthicalConstraintRemovedEventFromLog(c.log());
            String reason = text(e.reason);
            changes.add(Statement.CONSTRAINT_REMOVED, c.blockNumber(), c.txHash(), c.time(), reason, c.executedProposalId(),
                    new BigDecimal(e.constraintId));
            linked(c, changes, ETHICALCONSTRAINTREMOVED_EVENT, "Constraint " + e.constraintId + " removed from " + name(e.model)
                    + ": " + reason);
        });
        historyOnly(OWNERSHIPTRANSFERRED_EVENT, c -> "Registry owned by " + address(getOwnershipTransferredEventFromLog(c.log()).newOwner));
    }

    private void linked(LogContext c, BatchChanges changes, org.web3j.abi.datatypes.Event event, String summary) {
        BigInteger proposal = c.executedProposal();
        if (proposal != null) {
            changes.touch(proposal);
        }
        record(c, changes, event, proposal, summary);
    }
}
