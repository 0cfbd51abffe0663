package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.LogContext.address;
import static org.modeldao.app.indexer.LogContext.name;
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
            changes.add(Statement.INSERT_VERSION, name(e.model), name(e.version), Numeric.toHexString(e.artifactSha256), e.artifactUri,
                    Numeric.toHexString(e.cardSha256), e.cardUri, name(e.format), c.blockNumber(), c.logIndex(), c.txHash(), c.time(),
                    c.executedProposalId());
            linked(c, changes, MODELVERSIONAPPROVED_EVENT, "Approved " + e.model + " " + e.version + " (" + e.format + ")");
        });
        on(MODELVERSIONREVOKED_EVENT, (c, changes) -> {
            ModelVersionRevokedEventResponse e = getModelVersionRevokedEventFromLog(c.log());
            changes.add(Statement.VERSION_REVOKED, c.blockNumber(), c.txHash(), c.time(), e.reason, c.executedProposalId(), name(e.model),
                    name(e.version));
            linked(c, changes, MODELVERSIONREVOKED_EVENT, "Revoked " + e.model + " " + e.version + ": " + e.reason);
        });
        on(CURRENTVERSIONCHANGED_EVENT, (c, changes) -> {
            CurrentVersionChangedEventResponse e = getCurrentVersionChangedEventFromLog(c.log());
            changes.add(Statement.INSERT_CURRENT_CHANGE, c.txHash(), c.logIndex(), name(e.model), name(e.previousVersion),
                    name(e.newVersion),
                    c.blockNumber(), c.time(), c.executedProposalId());
            linked(c, changes, CURRENTVERSIONCHANGED_EVENT, e.newVersion.isEmpty()
                    ? e.model + " has no current version any more"
                    : e.model + " now serves " + e.newVersion + (e.previousVersion.isEmpty() ? "" : " (was " + e.previousVersion + ")"));
        });
        on(ACCESSPOLICYSET_EVENT, (c, changes) -> {
            AccessPolicySetEventResponse e = getAccessPolicySetEventFromLog(c.log());
            List<String> allowList = e.allowList.stream().map(LogContext::address).toList();
            changes.add(Statement.INSERT_POLICY, c.txHash(), c.logIndex(), name(e.model), e.kind.intValueExact(),
                    new BigDecimal(e.minVotes), e.requestsPerMinute.longValueExact(), e.maxBatchSize.longValueExact(),
                    String.join(",", allowList), c.blockNumber(), c.time(), c.executedProposalId());
            linked(c, changes, ACCESSPOLICYSET_EVENT, "Access policy of " + e.model + " set (kind " + e.kind + ", "
                    + e.requestsPerMinute + " requests/min)");
        });
        on(ETHICALCONSTRAINTADDED_EVENT, (c, changes) -> {
            EthicalConstraintAddedEventResponse e = getEthicalConstraintAddedEventFromLog(c.log());
            changes.add(Statement.INSERT_CONSTRAINT, new BigDecimal(e.constraintId), name(e.model), e.kind.intValueExact(), name(e.target),
                    new BigDecimal(e.minValue), new BigDecimal(e.maxValue), JSON.writeValueAsString(e.values), e.rationale,
                    c.blockNumber(), c.txHash(), c.time(), c.executedProposalId());
            linked(c, changes, ETHICALCONSTRAINTADDED_EVENT, "Constraint " + e.constraintId + " added to " + e.model + ": "
                    + e.rationale);
        });
        on(ETHICALCONSTRAINTREMOVED_EVENT, (c, changes) -> {
            EthicalConstraintRemovedEventResponse e = getEthicalConstraintRemovedEventFromLog(c.log());
            changes.add(Statement.CONSTRAINT_REMOVED, c.blockNumber(), c.txHash(), c.time(), e.reason, c.executedProposalId(),
                    new BigDecimal(e.constraintId));
            linked(c, changes, ETHICALCONSTRAINTREMOVED_EVENT, "Constraint " + e.constraintId + " removed from " + e.model
                    + ": " + e.reason);
        });
        audit(OWNERSHIPTRANSFERRED_EVENT, c -> "Registry owned by " + address(getOwnershipTransferredEventFromLog(c.log()).newOwner));
    }

    private void linked(LogContext c, BatchChanges changes, org.web3j.abi.datatypes.Event event, String summary) {
        BigInteger proposal = c.executedProposal();
        if (proposal != null) {
            changes.touch(proposal);
        }
        record(c, changes, event, proposal, summary);
    }
}
