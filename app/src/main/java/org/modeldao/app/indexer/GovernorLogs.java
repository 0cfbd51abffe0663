package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.LogContext.address;
import static org.modeldao.app.indexer.LogContext.shortId;
import static org.modeldao.app.indexer.LogContext.text;
import static org.modeldao.app.indexer.LogContext.votes;
import static org.modeldao.contracts.wrappers.ModelDaoGovernor.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.VoteType;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Proposals, their lifecycle and the votes cast on them. */
final class GovernorLogs extends ContractLogs {

    GovernorLogs() {
        super("GOVERNOR");
        on(PROPOSALCREATED_EVENT, this::created);
        on(VOTECAST_EVENT, (c, changes) -> {
            VoteCastEventResponse e = getVoteCastEventFromLog(c.log());
            vote(c, changes, e.proposalId, e.voter, e.support, e.weight, e.reason);
        });
        on(VOTECASTWITHPARAMS_EVENT, (c, changes) -> {
            VoteCastWithParamsEventResponse e = getVoteCastWithParamsEventFromLog(c.log());
            vote(c, changes, e.proposalId, e.voter, e.support, e.weight, e.reason);
        });
        on(PROPOSALQUEUED_EVENT, (c, changes) -> {
            ProposalQueuedEventResponse e = getProposalQueuedEventFromLog(c.log());
            changes.add(Statement.PROPOSAL_QUEUED, c.blockNumber(), e.etaSeconds.longValueExact(), e.proposalId.toString());
            lifecycle(c, changes, PROPOSALQUEUED_EVENT, e.proposalId, "queued in the timelock");
        });
        on(PROPOSALEXECUTED_EVENT, (c, changes) -> {
            ProposalExecutedEventResponse e = getProposalExecutedEventFromLog(c.log());
            changes.add(Statement.PROPOSAL_EXECUTED, c.blockNumber(), c.txHash(), e.proposalId.toString());
            lifecycle(c, changes, PROPOSALEXECUTED_EVENT, e.proposalId, "executed");
        });
        on(PROPOSALCANCELED_EVENT, (c, changes) -> {
            ProposalCanceledEventResponse e = getProposalCanceledEventFromLog(c.log());
            changes.add(Statement.PROPOSAL_CANCELED, c.blockNumber(), e.proposalId.toString());
            lifecycle(c, changes, PROPOSALCANCELED_EVENT, e.proposalId, "canceled");
        });
        on(PROPOSALEXTENDED_EVENT, (c, changes) -> {
            ProposalExtendedEventResponse e = getProposalExtendedEventFromLog(c.log());
            changes.add(Statement.PROPOSAL_EXTENDED, e.extendedDeadline.longValueExact(), c.blockNumber(), e.proposalId.toString());
            lifecycle(c, changes, PROPOSALEXTENDED_EVENT, e.proposalId, "voting extended to block " + e.extendedDeadline + " (late quorum)");
        });
        historyOnly(VOTINGDELAYSET_EVENT, c -> "Voting delay set to " + getVotingDelaySetEventFromLog(c.log()).newVotingDelay + " blocks");
        historyOnly(VOTINGPERIODSET_EVENT, c -> "Voting period set to " + getVotingPeriodSetEventFromLog(c.log()).newVotingPeriod + " blocks");
        historyOnly(PROPOSALTHRESHOLDSET_EVENT, c -> "Proposal threshold set to "
                + votes(getProposalThresholdSetEventFromLog(c.log()).newProposalThreshold) + " votes");
        historyOnly(QUORUMNUMERATORUPDATED_EVENT, c -> "Quorum set to "
                + getQuorumNumeratorUpdatedEventFromLog(c.log()).newQuorumNumerator + " % of the supply");
        historyOnly(LATEQUORUMVOTEEXTENSIONSET_EVENT, c -> "Late-quorum extension set to "
                + getLateQuorumVoteExtensionSetEventFromLog(c.log()).newVoteExtension + " blocks");
        historyOnly(TIMELOCKCHANGE_EVENT, c -> "Timelock changed to " + getTimelockChangeEventFromLog(c.log()).newTimelock);
        historyOnly(EIP712DOMAINCHANGED_EVENT, c -> "EIP-712 domain changed");
    }

    private void created(LogContext c, BatchChanges changes) {
        ProposalCreatedEventResponse e = getProposalCreatedEventFromLog(c.log());
        String id = e.proposalId.toString();
        String description = ChainText.of(e.description, ChainText.DESCRIPTION);
        changes.add(Statement.INSERT_PROPOSAL, id, address(e.proposer), title(description), description,
                e.voteStart.longValueExact(), e.voteEnd.longValueExact(), c.blockNumber(), c.logIndex(), c.txHash(), c.time(),
                rawDescriptionHash(c.log()));
        for (int i = 0; i < e.targets.size(); i++) {
            String target = address(e.targets.get(i));
            // stored raw: the proposal pages decode it (proposals.ActionCodec), the one reading of calldata
            changes.add(Statement.INSERT_ACTION, id, i, target, new BigDecimal(e.values.get(i)),
                    Numeric.toHexString(e.calldatas.get(i)), c.blockNumber());
        }
        changes.touch(e.proposalId);
        record(c, changes, PROPOSALCREATED_EVENT, e.proposalId, address(e.proposer) + " proposed " + shortId(e.proposalId)
                + ": " + title(description));
    }

    private void vote(LogContext c, BatchChanges changes, BigInteger proposalId, String voter, BigInteger support,
            BigInteger weight, String reason) {
        String id = proposalId.toString();
        changes.add(Statement.INSERT_VOTE, id, address(voter), support.intValueExact(), new BigDecimal(weight), text(reason),
                c.blockNumber(), c.logIndex(), c.txHash(), c.time());
        changes.countVote(id, support.intValueExact(), weight);
        changes.touch(proposalId);
        record(c, changes, VOTECAST_EVENT, proposalId, address(voter) + " voted " + VoteType.ofSupport(support.intValueExact())
                + " on " + shortId(proposalId) + " with " + votes(weight) + " votes");
    }

    private void lifecycle(LogContext c, BatchChanges changes, org.web3j.abi.datatypes.Event event, BigInteger proposalId, String what) {
        changes.touch(proposalId);
        record(c, changes, event, proposalId, "Proposal " + shortId(proposalId) + " " + what);
    }

    /**
     * keccak256 of the description's bytes exactly as the ProposalCreated log carries them — the
     * hash the Governor's queue/execute/cancel need. Taken from the raw log data (an ABI {@code string}
     * decodes as {@code bytes}), not from the decoded or cleaned text: a description with NUL,
     * control characters or invalid UTF-8 keeps its real hash.
     */
    static String rawDescriptionHash(Log log) {
        List<TypeReference<?>> parameters = new ArrayList<>(PROPOSALCREATED_EVENT.getNonIndexedParameters());
        parameters.set(parameters.size() - 1, new TypeReference<DynamicBytes>() { });
        List<Type> values = FunctionReturnDecoder.decode(log.getData(), Utils.convert(parameters));
        return Numeric.toHexString(Hash.sha3(((DynamicBytes) values.getLast()).getValue()));
    }

    /** The first non-blank line of the description, without Markdown heading marks. */
    static String title(String description) {
        String firstLine = description.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        return ChainText.of(firstLine.isEmpty() ? "(untitled)" : firstLine, ChainText.TITLE);
    }
}
