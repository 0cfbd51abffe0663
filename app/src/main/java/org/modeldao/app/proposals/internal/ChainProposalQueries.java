package org.modeldao.app.proposals.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.modeldao.app.proposals.ActionCodec;
import org.modeldao.app.proposals.EventLogs;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernanceLogs;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalDetails;
import org.modeldao.app.proposals.ProposalDetails.CastVote;
import org.modeldao.app.proposals.ProposalDetails.TimelineEntry;
import org.modeldao.app.proposals.ProposalOverview;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoGovernor.ProposalCreatedEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** {@link ProposalQueries} from the Governor's events plus live view calls for state and tallies. */
public class ChainProposalQueries implements ProposalQueries {

    private final GovernanceLogs logs;
    private final GovernorReader governor;
    private final GovernanceContracts contracts;
    private final ActionCodec codec;

    public ChainProposalQueries(GovernanceLogs logs, GovernorReader governor, GovernanceContracts contracts, ActionCodec codec) {
        this.logs = logs;
        this.governor = governor;
        this.contracts = contracts;
        this.codec = codec;
    }

    @Override
    public List<ProposalOverview> list() {
        return created(logs.all()).stream()
                .map(this::overview)
                .sorted(Comparator.comparingLong(ProposalOverview::createdBlock).reversed())
                .toList();
    }

    @Override
    public Optional<ProposalDetails> find(BigInteger proposalId) {
        List<Log> all = logs.all();
        return created(all).stream().filter(c -> c.proposalId.equals(proposalId)).findFirst().map(c -> details(c, all));
    }

    private ProposalDetails details(ProposalCreatedEventResponse created, List<Log> all) {
        ProposalOverview overview = overview(created);
        BigInteger id = created.proposalId;
        List<ProposalCall> calls = IntStream.range(0, created.targets.size())
                .mapToObj(i -> new ProposalCall(created.targets.get(i), created.values.get(i), Numeric.toHexString(created.calldatas.get(i))))
                .toList();
        long snapshot = created.voteStart.longValueExact();
        long current = governor.blockNumber();
        BigInteger quorum = governor.quorum(Math.min(snapshot, current - 1));
        Optional<Log> queued = first(all, ModelDaoGovernor.PROPOSALQUEUED_EVENT, id, l -> ModelDaoGovernor.getProposalQueuedEventFromLog(l).proposalId);
        Optional<Log> executed = first(all, ModelDaoGovernor.PROPOSALEXECUTED_EVENT, id, l -> ModelDaoGovernor.getProposalExecutedEventFromLog(l).proposalId);
        Optional<Log> canceled = first(all, ModelDaoGovernor.PROPOSALCANCELED_EVENT, id, l -> ModelDaoGovernor.getProposalCanceledEventFromLog(l).proposalId);
        Optional<Instant> executableAt = queued.map(l -> Instant.ofEpochSecond(
                ModelDaoGovernor.getProposalQueuedEventFromLog(l).etaSeconds.longValueExact()));
        long deadline = governor.deadline(id);

        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(logged("Created", Optional.of(created.log)));
        timeline.add(atBlock("Voting starts", snapshot + 1, current));
        timeline.add(atBlock("Voting ends", deadline, current));
        if (canceled.isPresent()) {
            timeline.add(logged("Canceled", canceled));
        } else {
            timeline.add(logged("Queued", queued));
            Instant now = governor.latestBlockTime();
            timeline.add(new TimelineEntry("Executable at", Optional.empty(), executableAt, Optional.empty(),
                    executableAt.map(at -> !at.isAfter(now)).orElse(false)));
            timeline.add(logged("Executed", executed));
        }
        return new ProposalDetails(overview, created.description, calls.stream().map(codec::decode).toList(), quorum,
                timeline, votes(all, id), executableAt, new GovernanceProposal(calls, created.description));
    }

    private List<CastVote> votes(List<Log> all, BigInteger id) {
        List<CastVote> votes = new ArrayList<>();
        for (Log log : all) {
            if (EventLogs.is(log, contracts.governor(), ModelDaoGovernor.VOTECAST_EVENT)) {
                var v = ModelDaoGovernor.getVoteCastEventFromLog(log);
                if (v.proposalId.equals(id)) {
                    votes.add(new CastVote(v.voter, VoteType.ofSupport(v.support.intValueExact()), v.weight, v.reason,
                            EventLogs.block(log), log.getTransactionHash()));
                }
            } else if (EventLogs.is(log, contracts.governor(), ModelDaoGovernor.VOTECASTWITHPARAMS_EVENT)) {
                var v = ModelDaoGovernor.getVoteCastWithParamsEventFromLog(log);
                if (v.proposalId.equals(id)) {
                    votes.add(new CastVote(v.voter, VoteType.ofSupport(v.support.intValueExact()), v.weight, v.reason,
                            EventLogs.block(log), log.getTransactionHash()));
                }
            }
        }
        return votes;
    }

    private ProposalOverview overview(ProposalCreatedEventResponse created) {
        long block = EventLogs.block(created.log);
        return new ProposalOverview(created.proposalId, titleOf(created.description), created.proposer,
                governor.state(created.proposalId), block, governor.blockTime(block), governor.tally(created.proposalId));
    }

    private List<ProposalCreatedEventResponse> created(List<Log> all) {
        return all.stream().filter(l -> EventLogs.is(l, contracts.governor(), ModelDaoGovernor.PROPOSALCREATED_EVENT))
                .map(ModelDaoGovernor::getProposalCreatedEventFromLog).toList();
    }

    private Optional<Log> first(List<Log> all, org.web3j.abi.datatypes.Event event, BigInteger id,
            java.util.function.Function<Log, BigInteger> idOf) {
        return all.stream().filter(l -> EventLogs.is(l, contracts.governor(), event)).filter(l -> idOf.apply(l).equals(id)).findFirst();
    }

    private TimelineEntry logged(String label, Optional<Log> log) {
        return new TimelineEntry(label, log.map(EventLogs::block), log.map(l -> governor.blockTime(EventLogs.block(l))),
                log.map(Log::getTransactionHash), log.isPresent());
    }

    private TimelineEntry atBlock(String label, long block, long current) {
        boolean reached = block <= current;
        return new TimelineEntry(label, Optional.of(block), reached ? Optional.of(governor.blockTime(block)) : Optional.empty(),
                Optional.empty(), reached);
    }

    /** The description's first line, without a Markdown heading marker. */
    public static String titleOf(String description) {
        String first = description.strip().lines().findFirst().orElse("");
        return first.replaceFirst("^#+\\s*", "").strip();
    }
}
