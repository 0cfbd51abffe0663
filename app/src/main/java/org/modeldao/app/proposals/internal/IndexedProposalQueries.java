package org.modeldao.app.proposals.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modeldao.app.proposals.ActionCodec;
import org.modeldao.app.proposals.ChainClock;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalDetails.CastVote;
import org.modeldao.app.proposals.ProposalDetails.TimelineEntry;
import org.modeldao.app.proposals.ProposalOverview;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.readmodel.HistoryRecord;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.ProposalDetail;
import org.modeldao.app.readmodel.ProposalFilter;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.readmodel.ProposalSummary;
import org.modeldao.app.readmodel.StoredAction;
import org.modeldao.app.readmodel.VoteOrder;
import org.modeldao.app.readmodel.VoteRecord;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.web3j.utils.Numeric;

/**
 * {@link ProposalQueries} over the indexer's SQL read model. The node is asked only what the
 * read model cannot answer: block times of the voting window, the latest block's time (is the
 * timelock delay over?) and the quorum before the indexer has read it.
 */
public class IndexedProposalQueries implements ProposalQueries {

    private final ProposalReadModel readModel;
    private final HistoryReadModel history;
    private final GovernorReader governor;
    private final ActionCodec codec;

    public IndexedProposalQueries(ProposalReadModel readModel, HistoryReadModel history, GovernorReader governor, ActionCodec codec) {
        this.readModel = readModel;
        this.history = history;
        this.governor = governor;
        this.codec = codec;
    }

    @Override
    public List<ProposalOverview> page(int offset, int limit) {
        return readModel.proposals(ProposalFilter.ALL, offset, limit).stream().map(IndexedProposalQueries::overview).toList();
    }

    @Override
    public long count() {
        return readModel.countProposals(ProposalFilter.ALL);
    }

    @Override
    public long indexedBlock() {
        return readModel.indexedHead().block();
    }

    @Override
    public Optional<ChainClock> clock() {
        return Optional.of(governor.clock());
    }

    @Override
    public Optional<ProposalDetails> find(BigInteger proposalId) {
        return readModel.proposal(proposalId).map(this::details);
    }

    private ProposalDetails details(ProposalDetail detail) {
        ProposalSummary s = detail.summary();
        List<StoredAction> stored = readModel.actions(s.id());
        List<ProposalCall> calls = stored.stream().map(StoredAction::call).toList();
        long head = readModel.indexedHead().block();
        BigInteger quorum = s.quorum() != null ? s.quorum() : governor.quorum(Math.min(s.snapshotBlock(), governor.blockNumber() - 1));
        Optional<Instant> executableAt = Optional.ofNullable(s.etaSeconds()).map(Instant::ofEpochSecond);
        List<HistoryRecord> lifecycle = history.eventsOf(s.id()).stream().filter(e -> "GOVERNOR".equals(e.contract())).toList();
        Optional<HistoryRecord> canceled = step(lifecycle, "ProposalCanceled");

        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(logged("Created", step(lifecycle, "ProposalCreated")));
        timeline.add(atBlock("Voting starts", s.snapshotBlock() + 1, head));
        timeline.add(atBlock("Voting ends", s.deadlineBlock(), head));
        if (canceled.isPresent()) {
            timeline.add(logged("Canceled", canceled));
        } else {
            timeline.add(logged("Queued", step(lifecycle, "ProposalQueued")));
            boolean executable = executableAt.isPresent() && !executableAt.get().isAfter(governor.latestBlockTime());
            timeline.add(new TimelineEntry("Executable at", Optional.empty(), executableAt, Optional.empty(), executable));
            timeline.add(logged("Executed", step(lifecycle, "ProposalExecuted")));
        }
        List<ProposalAction> actions = stored.stream().map(a -> codec.read(a.call(), a.decodedJson())).toList();
        return new ProposalDetails(overview(s), detail.description(), actions, quorum, timeline,
                s.voteCount(), executableAt, new GovernanceProposal(calls, detail.description()),
                detail.descriptionHash().map(Numeric::hexStringToByteArray).orElse(null));
    }

    @Override
    public List<CastVote> votes(BigInteger proposalId, VoteOrder order, int offset, int limit) {
        return readModel.votes(proposalId, order, offset, limit).stream().map(IndexedProposalQueries::castVote).toList();
    }

    @Override
    public Optional<CastVote> voteOf(BigInteger proposalId, String voter) {
        return readModel.voteOf(proposalId, voter).map(IndexedProposalQueries::castVote);
    }

    private static CastVote castVote(VoteRecord v) {
        return new CastVote(v.voter(), v.support(), v.weight(), v.reason(), v.blockNumber(), v.txHash());
    }

    @Override
    public long countVotes(BigInteger proposalId) {
        return readModel.countVotes(proposalId);
    }

    private static ProposalOverview overview(ProposalSummary s) {
        return new ProposalOverview(s.id(), s.title(), s.proposer(), s.state(), s.createdBlock(), s.createdAt(),
                new GovernorReader.Tally(s.forVotes(), s.againstVotes(), s.abstainVotes()));
    }

    private static Optional<HistoryRecord> step(List<HistoryRecord> lifecycle, String eventName) {
        return lifecycle.stream().filter(e -> eventName.equals(e.eventName())).findFirst();
    }

    private static TimelineEntry logged(String label, Optional<HistoryRecord> event) {
        return new TimelineEntry(label, event.map(HistoryRecord::blockNumber), event.map(HistoryRecord::time), event.map(HistoryRecord::txHash),
                event.isPresent());
    }

    /** Block times of the voting window come from the node (cached), once the block is indexed. */
    private TimelineEntry atBlock(String label, long block, long head) {
        boolean reached = block <= head;
        return new TimelineEntry(label, Optional.of(block), reached ? Optional.of(governor.blockTime(block)) : Optional.empty(),
                Optional.empty(), reached);
    }
}
