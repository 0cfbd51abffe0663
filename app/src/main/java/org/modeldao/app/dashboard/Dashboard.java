package org.modeldao.app.dashboard;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.modeldao.app.base.AppException;
import org.modeldao.app.catalog.ModelCatalog;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.dashboard.internal.GatewayMetadataClient;
import org.modeldao.app.dashboard.internal.GatewayTrafficClient;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.history.GovernanceHistory;
import org.modeldao.app.history.HistoryEntry;
import org.modeldao.app.history.HistoryFilter;
import org.modeldao.app.proposals.ChainClock;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.readmodel.ProposalFilter;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.readmodel.ProposalSummary;
import org.modeldao.app.readmodel.VoteRecord;
import org.modeldao.contracts.ProposalState;
import org.springframework.stereotype.Service;

/**
 * What the home page shows, gathered in one place: proposals taking votes (with roughly how long
 * is left, and how the member voted), what each model should serve and what the gateway says it
 * serves, the member's voting power and delegation, and the latest executed decisions. Each part
 * is bounded: the page shows the first few and links to the full lists.
 */
@Service
public class Dashboard {

    static final int SHOWN_PROPOSALS = 8;
    static final int SHOWN_MODELS = 20;
    static final int SHOWN_DECISIONS = 5;

    private final ProposalReadModel proposals;
    private final ModelCatalog catalog;
    private final GovernanceHistory history;
    private final GovernorReader governor;
    private final DelegationService delegation;
    private final GatewayMetadataClient gateway;
    private final GatewayTrafficClient traffic;

    public Dashboard(ProposalReadModel proposals, ModelCatalog catalog, GovernanceHistory history, GovernorReader governor,
            DelegationService delegation, GatewayMetadataClient gateway, GatewayTrafficClient traffic) {
        this.proposals = proposals;
        this.catalog = catalog;
        this.history = history;
        this.governor = governor;
        this.delegation = delegation;
        this.gateway = gateway;
        this.traffic = traffic;
    }

    /** Proposals taking votes, closest deadline first; {@code member}'s own ballots when someone is signed in. */
    public OpenProposals openProposals(Optional<String> member) {
        ProposalFilter active = ProposalFilter.inState(ProposalState.ACTIVE);
        List<ProposalSummary> open = proposals.proposals(active, 0, SHOWN_PROPOSALS);
        if (open.isEmpty()) {
            return new OpenProposals(List.of(), 0);
        }
        Optional<ChainClock> chainClock = chainClock();
        long head = chainClock.map(ChainClock::head).orElseGet(() -> proposals.indexedHead().block());
        List<OpenProposal> shown = open.stream()
                .map(p -> new OpenProposal(p.id(), p.title(), p.deadlineBlock(), Math.max(0, p.deadlineBlock() - head),
                        chainClock.map(c -> c.untilBlock(p.deadlineBlock())),
                        member.flatMap(m -> proposals.voteOf(p.id(), m)).map(VoteRecord::support)))
                .sorted(Comparator.comparingLong(OpenProposal::deadlineBlock))
                .toList();
        return new OpenProposals(shown, proposals.countProposals(active));
    }

    /** The chain's head and pace, or none (the page then says blocks only) when the node cannot tell us. */
    private Optional<ChainClock> chainClock() {
        try {
            return Optional.of(governor.clock());
        } catch (ChainUnavailable e) {
            return Optional.empty();
        }
    }

    /** The catalog's models (first {@value #SHOWN_MODELS}) with the version the DAO made current. */
    public List<ServedModel> models() {
        return catalog.models().stream().limit(SHOWN_MODELS)
                .map(m -> new ServedModel(m.name(), m.currentVersion(), m.versions().size())).toList();
    }

    /** What the gateway says it serves for each model; completes within the gateway timeout whatever the gateway does. */
    public CompletableFuture<Map<String, GatewayReport>> gatewayReports(List<ServedModel> models) {
        return gateway.reports(models.stream().map(ServedModel::name).toList());
    }

    /** How many calls the gateway served and refused per model; completes within the gateway timeout whatever the gateway does. */
    public CompletableFuture<Map<String, GatewayTraffic>> gatewayTraffic(List<ServedModel> models) {
        return traffic.traffic(models.stream().map(ServedModel::name).toList());
    }

    /** The member's voting power and delegate, live from the token; empty when the chain cannot be read (or no DAO is deployed). */
    public Optional<MemberPower> power(String member) {
        try {
            return Optional.of(new MemberPower(member, delegation.votingPower(member), governor.tokenBalance(member),
                    delegation.currentDelegate(member)));
        } catch (AppException chainUnreadableOrNoDao) {
            return Optional.empty();
        }
    }

    /** The latest executed proposals, newest first. */
    public List<RecentDecision> recentDecisions() {
        List<HistoryEntry> executed = history.events(new HistoryFilter("Governor", "ProposalExecuted", "", 0, 0), 0, SHOWN_DECISIONS);
        return executed.stream().filter(e -> e.proposalId().isPresent()).map(e -> {
            BigInteger id = e.proposalId().get();
            String title = proposals.proposal(id).map(p -> p.summary().title()).orElse("Proposal " + id);
            return new RecentDecision(id, title, e.time(), e.transactionHash());
        }).toList();
    }
}
