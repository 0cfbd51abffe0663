package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.EventProjection.address;
import static org.modeldao.app.indexer.EventProjection.shortId;
import static org.modeldao.app.indexer.EventProjection.text;
import static org.modeldao.app.indexer.EventProjection.utc;
import static org.modeldao.app.indexer.EventProjection.votes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.events.EventPosition;
import org.modeldao.contracts.events.GovernorEvent;
import org.modeldao.contracts.events.GovernorEvent.ProposalCreated;

/**
 * Proposals, their lifecycle and the votes cast on them. (That a proposal was executed, through the
 * governor or on the timelock directly, comes from the stream's executions: see {@link EventProjection}.)
 */
final class GovernorProjection {

    private final ActionDecoder actions;

    GovernorProjection(ActionDecoder actions) {
        this.actions = actions;
    }

    void apply(GovernorEvent event, BatchChanges changes) {
        long block = event.position().blockNumber();
        switch (event) {
            case ProposalCreated e -> created(e, changes);
            case GovernorEvent.VoteCast e -> vote(e, e.proposalId(), e.voter(), e.support(), e.weight(), e.reason(), changes);
            case GovernorEvent.VoteCastWithParams e -> vote(e, e.proposalId(), e.voter(), e.support(), e.weight(), e.reason(), changes);
            case GovernorEvent.ProposalQueued e -> {
                changes.add(Statement.PROPOSAL_QUEUED, block, e.etaSeconds().longValueExact(), e.proposalId().toString());
                lifecycle(e, e.proposalId(), "queued in the timelock", changes);
            }
            case GovernorEvent.ProposalExecuted e -> lifecycle(e, e.proposalId(), "executed", changes);
            case GovernorEvent.ProposalCanceled e -> {
                changes.add(Statement.PROPOSAL_CANCELED, block, e.proposalId().toString());
                lifecycle(e, e.proposalId(), "canceled", changes);
            }
            case GovernorEvent.ProposalExtended e -> {
                changes.add(Statement.PROPOSAL_EXTENDED, e.extendedDeadline().longValueExact(), block, e.proposalId().toString());
                lifecycle(e, e.proposalId(), "voting extended to block " + e.extendedDeadline() + " (late quorum)", changes);
            }
            case GovernorEvent.VotingDelaySet e -> changes.history(e, null, "Voting delay set to " + e.newVotingDelay() + " blocks");
            case GovernorEvent.VotingPeriodSet e -> changes.history(e, null, "Voting period set to " + e.newVotingPeriod() + " blocks");
            case GovernorEvent.ProposalThresholdSet e -> changes.history(e, null, "Proposal threshold set to "
                    + votes(e.newProposalThreshold()) + " votes");
            case GovernorEvent.QuorumNumeratorUpdated e -> changes.history(e, null, "Quorum set to " + e.newQuorumNumerator()
                    + " % of the supply");
            case GovernorEvent.LateQuorumVoteExtensionSet e -> changes.history(e, null, "Late-quorum extension set to "
                    + e.newVoteExtension() + " blocks");
            case GovernorEvent.TimelockChange e -> changes.history(e, null, "Timelock changed to " + e.newTimelock());
        }
    }

    private void created(ProposalCreated e, BatchChanges changes) {
        EventPosition at = e.position();
        String id = e.proposalId().toString();
        String description = ChainText.of(e.description(), ChainText.DESCRIPTION);
        changes.add(Statement.INSERT_PROPOSAL, id, address(e.proposer()), title(description), description,
                e.voteStart().longValueExact(), e.voteEnd().longValueExact(), at.blockNumber(), at.logIndex(), at.txHash(),
                utc(at.blockTime()), e.descriptionHash()); // of the raw bytes: queue/execute/cancel need it even when the text was cleaned
        List<ProposalCall> calls = e.calls();
        for (int i = 0; i < calls.size(); i++) {
            ProposalCall call = calls.get(i);
            String target = address(call.target());
            // raw for queue/execute/cancel, and decoded once here for the pages (the one reading of calldata)
            changes.add(Statement.INSERT_ACTION, id, i, target, new BigDecimal(call.value()), call.calldata(),
                    actions.decodedJson(call), at.blockNumber());
        }
        changes.touch(e.proposalId());
        changes.history(e, e.proposalId(), address(e.proposer()) + " proposed " + shortId(e.proposalId()) + ": " + title(description));
    }

    private static void vote(GovernorEvent event, BigInteger proposalId, String voter, int support, BigInteger weight, String reason,
            BatchChanges changes) {
        EventPosition at = event.position();
        String id = proposalId.toString();
        changes.add(Statement.INSERT_VOTE, id, address(voter), support, new BigDecimal(weight), text(reason), at.blockNumber(),
                at.logIndex(), at.txHash(), utc(at.blockTime()));
        changes.countVote(id, support, weight);
        changes.touch(proposalId);
        changes.history(event, proposalId, address(voter) + " voted " + VoteType.ofSupport(support) + " on " + shortId(proposalId)
                + " with " + votes(weight) + " votes");
    }

    private static void lifecycle(GovernorEvent event, BigInteger proposalId, String what, BatchChanges changes) {
        changes.touch(proposalId);
        changes.history(event, proposalId, "Proposal " + shortId(proposalId) + " " + what);
    }

    /** The first non-blank line of the description, without Markdown heading marks. */
    static String title(String description) {
        String firstLine = description.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        return ChainText.of(firstLine.isEmpty() ? "(untitled)" : firstLine, ChainText.TITLE);
    }
}
