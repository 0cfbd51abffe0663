package org.modeldao.app.audit.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.modeldao.app.proposals.EventLogs;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.Votes;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Names each DAO event and says what it means in one sentence. */
public final class EventDescriber {

    /** What an event is: which contract, its name, a sentence, and the proposal it concerns. */
    public record Described(String contract, String event, String summary, Optional<BigInteger> proposalId) {
    }

    private record Kind(String contract, Event event, Function<Log, Described> describe) {
    }

    private final GovernanceContracts contracts;
    private final List<Kind> kinds;

    public EventDescriber(GovernanceContracts contracts) {
        this.contracts = contracts;
        this.kinds = List.of(
                governor(ModelDaoGovernor.PROPOSALCREATED_EVENT, l -> {
                    var e = ModelDaoGovernor.getProposalCreatedEventFromLog(l);
                    return d("Governor", "ProposalCreated", e.proposer + " proposed \"" + firstLine(e.description) + "\" ("
                            + e.targets.size() + " action(s), voting blocks " + e.voteStart + "–" + e.voteEnd + ")", e.proposalId);
                }),
                governor(ModelDaoGovernor.VOTECAST_EVENT, l -> {
                    var e = ModelDaoGovernor.getVoteCastEventFromLog(l);
                    return d("Governor", "VoteCast", vote(e.voter, e.support, e.weight, e.reason), e.proposalId);
                }),
                governor(ModelDaoGovernor.VOTECASTWITHPARAMS_EVENT, l -> {
                    var e = ModelDaoGovernor.getVoteCastWithParamsEventFromLog(l);
                    return d("Governor", "VoteCastWithParams", vote(e.voter, e.support, e.weight, e.reason), e.proposalId);
                }),
                governor(ModelDaoGovernor.PROPOSALQUEUED_EVENT, l -> {
                    var e = ModelDaoGovernor.getProposalQueuedEventFromLog(l);
                    return d("Governor", "ProposalQueued", "Proposal queued, executable from " + java.time.Instant.ofEpochSecond(
                            e.etaSeconds.longValueExact()), e.proposalId);
                }),
                governor(ModelDaoGovernor.PROPOSALEXECUTED_EVENT, l -> d("Governor", "ProposalExecuted", "Proposal executed",
                        ModelDaoGovernor.getProposalExecutedEventFromLog(l).proposalId)),
                governor(ModelDaoGovernor.PROPOSALCANCELED_EVENT, l -> d("Governor", "ProposalCanceled", "Proposal canceled",
                        ModelDaoGovernor.getProposalCanceledEventFromLog(l).proposalId)),
                governor(ModelDaoGovernor.PROPOSALEXTENDED_EVENT, l -> {
                    var e = ModelDaoGovernor.getProposalExtendedEventFromLog(l);
                    return d("Governor", "ProposalExtended", "Late quorum: voting extended to block " + e.extendedDeadline, e.proposalId);
                }),
                token(GovernanceToken.DELEGATECHANGED_EVENT, l -> {
                    var e = GovernanceToken.getDelegateChangedEventFromLog(l);
                    return d("Token", "DelegateChanged", e.delegator + " delegates to " + e.toDelegate + " (was " + e.fromDelegate + ")", null);
                }),
                token(GovernanceToken.DELEGATEVOTESCHANGED_EVENT, l -> {
                    var e = GovernanceToken.getDelegateVotesChangedEventFromLog(l);
                    return d("Token", "DelegateVotesChanged", e.delegate + " now has " + Votes.format(e.newVotes) + " votes (was "
                            + Votes.format(e.previousVotes) + ")", null);
                }),
                token(GovernanceToken.TRANSFER_EVENT, l -> {
                    var e = GovernanceToken.getTransferEventFromLog(l);
                    return d("Token", "Transfer", Votes.format(e.value) + " tokens from " + e.from + " to " + e.to, null);
                }),
                registry(ModelRegistry.MODELVERSIONAPPROVED_EVENT, l -> {
                    var e = ModelRegistry.getModelVersionApprovedEventFromLog(l);
                    return d("Registry", "ModelVersionApproved", "Approved model " + e.model + " v" + e.version + ", sha256 "
                            + Numeric.toHexString(e.artifactSha256) + ", card " + e.cardUri, null);
                }),
                registry(ModelRegistry.MODELVERSIONREVOKED_EVENT, l -> {
                    var e = ModelRegistry.getModelVersionRevokedEventFromLog(l);
                    return d("Registry", "ModelVersionRevoked", "Revoked model " + e.model + " v" + e.version + ": " + e.reason, null);
                }),
                registry(ModelRegistry.CURRENTVERSIONCHANGED_EVENT, l -> {
                    var e = ModelRegistry.getCurrentVersionChangedEventFromLog(l);
                    return d("Registry", "CurrentVersionChanged", "Current version of " + e.model + ": "
                            + (e.previousVersion.isEmpty() ? "none" : e.previousVersion) + " → " + (e.newVersion.isEmpty() ? "none" : e.newVersion), null);
                }),
                registry(ModelRegistry.ACCESSPOLICYSET_EVENT, l -> {
                    var e = ModelRegistry.getAccessPolicySetEventFromLog(l);
                    return d("Registry", "AccessPolicySet", "Access policy of " + e.model + " set (kind " + e.kind + ", "
                            + e.requestsPerMinute + " requests/min, batch " + e.maxBatchSize + ")", null);
                }),
                registry(ModelRegistry.ETHICALCONSTRAINTADDED_EVENT, l -> {
                    var e = ModelRegistry.getEthicalConstraintAddedEventFromLog(l);
                    return d("Registry", "EthicalConstraintAdded", "Constraint #" + e.constraintId + " added to " + e.model + ": " + e.rationale, null);
                }),
                registry(ModelRegistry.ETHICALCONSTRAINTREMOVED_EVENT, l -> {
                    var e = ModelRegistry.getEthicalConstraintRemovedEventFromLog(l);
                    return d("Registry", "EthicalConstraintRemoved", "Constraint #" + e.constraintId + " removed from " + e.model + ": " + e.reason, null);
                }),
                timelock(ModelDaoTimelock.CALLSCHEDULED_EVENT, l -> d("Timelock", "CallScheduled", "Call scheduled in the timelock to "
                        + ModelDaoTimelock.getCallScheduledEventFromLog(l).target, null)),
                timelock(ModelDaoTimelock.CALLEXECUTED_EVENT, l -> d("Timelock", "CallExecuted", "Timelock executed a call to "
                        + ModelDaoTimelock.getCallExecutedEventFromLog(l).target, null)));
    }

    public Described describe(Log log) {
        for (Kind kind : kinds) {
            if (EventLogs.is(log, kind.contract(), kind.event())) {
                return kind.describe().apply(log);
            }
        }
        return new Described(contractName(log.getAddress()), "Other", "Event " + abbreviate(log.getTopics().isEmpty() ? "" : log.getTopics().getFirst()),
                Optional.empty());
    }

    private Kind governor(Event event, Function<Log, Described> describe) {
        return new Kind(contracts.governor(), event, describe);
    }

    private Kind token(Event event, Function<Log, Described> describe) {
        return new Kind(contracts.token(), event, describe);
    }

    private Kind registry(Event event, Function<Log, Described> describe) {
        return new Kind(contracts.registry(), event, describe);
    }

    private Kind timelock(Event event, Function<Log, Described> describe) {
        return new Kind(contracts.timelock(), event, describe);
    }

    private String contractName(String address) {
        if (address.equalsIgnoreCase(contracts.governor())) {
            return "Governor";
        } else if (address.equalsIgnoreCase(contracts.token())) {
            return "Token";
        } else if (address.equalsIgnoreCase(contracts.registry())) {
            return "Registry";
        }
        return "Timelock";
    }

    private static Described d(String contract, String event, String summary, BigInteger proposalId) {
        return new Described(contract, event, summary, Optional.ofNullable(proposalId));
    }

    private static String vote(String voter, BigInteger support, BigInteger weight, String reason) {
        return voter + " voted " + VoteType.ofSupport(support.intValueExact()).name().toLowerCase() + " with " + Votes.format(weight)
                + " votes" + (reason == null || reason.isBlank() ? "" : ": \"" + reason + "\"");
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "");
    }

    private static String abbreviate(String topic) {
        return topic.length() > 12 ? topic.substring(0, 10) + "…" : topic;
    }
}
