package org.modeldao.app.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modeldao.app.readmodel.ReadModelScenario.MODEL;
import static org.modeldao.app.readmodel.ReadModelScenario.votes;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.indexer.IndexerFixture;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.VoteType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read-model queries after indexing {@link ReadModelScenario}; run on H2 and on PostgreSQL. */
abstract class ReadModelContract {

    static IndexerFixture dao;
    static ReadModelScenario scenario;
    static TestDatabase database;
    static ProposalReadModel proposals;
    static DelegateReadModel delegates;
    static RegistryReadModel registry;
    static HistoryReadModel audit;

    static void setUp(String databaseKind) throws Exception {
        dao = IndexerFixture.start();
        scenario = new ReadModelScenario(dao);
        database = TestDatabase.of(databaseKind);
        dao.catchUp(database.dataSource());
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        proposals = new ProposalReadModel(jdbc);
        delegates = new DelegateReadModel(jdbc);
        registry = new RegistryReadModel(jdbc);
        audit = new HistoryReadModel(jdbc);
    }

    @AfterAll
    static void tearDown() {
        if (database != null) {
            database.close();
        }
        if (dao != null) {
            dao.close();
        }
    }

    @Test
    void the_flyway_migrations_of_the_read_model_were_applied() {
        List<String> applied = JdbcClient.create(database.dataSource())
                .sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\"")
                .query(String.class).list();
        assertThat(applied).contains("1", "2");
    }

    @Test
    void every_proposal_state_matches_what_the_governor_says() throws Exception {
        assertThat(proposals.indexedHead().block()).isEqualTo(dao.chain.blockNumber());
        for (var entry : scenario.all().entrySet()) {
            ProposalState onChain = ProposalState.ofOrdinal(dao.governor().state(entry.getValue()).send().intValueExact());
            assertThat(proposals.proposal(entry.getValue()).orElseThrow().summary().state()).as(entry.getKey()).isEqualTo(onChain);
        }
        assertThat(proposals.proposal(scenario.pending).orElseThrow().summary().state()).isEqualTo(ProposalState.PENDING);
        assertThat(proposals.proposal(scenario.active).orElseThrow().summary().state()).isEqualTo(ProposalState.ACTIVE);
    }

    @Test
    void proposals_are_paged_newest_first_counted_and_filtered_by_state_and_proposer() {
        assertThat(proposals.countProposals(ProposalFilter.ALL)).isEqualTo(8);
        List<ProposalSummary> first = proposals.proposals(ProposalFilter.ALL, 0, 3);
        List<ProposalSummary> last = proposals.proposals(ProposalFilter.ALL, 6, 3);
        assertThat(first).extracting(ProposalSummary::id).containsExactly(scenario.pending, scenario.active, scenario.canceled);
        assertThat(last).extracting(ProposalSummary::id).containsExactly(scenario.revoked, scenario.approved);
        assertThat(proposals.proposals(ProposalFilter.inState(ProposalState.EXECUTED), 0, 10)).extracting(ProposalSummary::id)
                .containsExactly(scenario.revoked, scenario.approved);
        assertThat(proposals.countProposals(ProposalFilter.inState(ProposalState.DEFEATED))).isOne();
        assertThat(proposals.countProposals(new ProposalFilter(null, dao.members.get(0).getAddress()))).isEqualTo(8);
        assertThat(proposals.countProposals(new ProposalFilter(null, dao.admin.getAddress()))).isZero();
    }

    @Test
    void a_summary_carries_tallies_quorum_and_title() {
        ProposalSummary succeeded = proposals.proposal(scenario.succeeded).orElseThrow().summary();
        assertThat(succeeded.forVotes()).isEqualTo(votes(40_000));
        assertThat(succeeded.abstainVotes()).isEqualTo(votes(15_000));
        assertThat(succeeded.againstVotes()).isZero();
        assertThat(succeeded.voteCount()).isEqualTo(2);
        assertThat(succeeded.quorum()).isEqualTo(votes(4_000));
        assertThat(succeeded.quorumReached()).isTrue();
        assertThat(proposals.proposal(scenario.approved).orElseThrow().summary().title()).isEqualTo("Approve iris v1 and v2");
        assertThat(proposals.proposal(scenario.queued).orElseThrow().summary().etaSeconds()).isPositive();
    }

    @Test
    void a_detail_decodes_the_actions_and_lists_the_registry_changes_its_execution_made() {
        ProposalDetail detail = proposals.proposal(scenario.approved).orElseThrow();
        assertThat(detail.description()).startsWith("# Approve iris v1 and v2\n");
        assertThat(detail.actions()).hasSize(6);
        assertThat(detail.actions().get(2)).isEqualTo(new ProposalAction.SetCurrentVersion(MODEL, "1"));
        assertThat(detail.actions().get(3)).isEqualTo(new ProposalAction.SetAccessPolicy(MODEL, PolicyKind.ALLOW_LIST,
                BigInteger.ZERO, 30, 4, List.of(scenario.allowed)));
        assertThat(detail.executedTx()).startsWith("0x");
        assertThat(detail.effects()).extracting(HistoryRecord::eventName).containsExactly("ModelVersionApproved",
                "ModelVersionApproved", "CurrentVersionChanged", "AccessPolicySet", "EthicalConstraintAdded", "EthicalConstraintAdded");
        assertThat(proposals.proposal(BigInteger.TEN)).isEmpty();
    }

    @Test
    void votes_are_listed_counted_and_found_per_voter() {
        assertThat(proposals.countVotes(scenario.defeated)).isEqualTo(4);
        assertThat(proposals.votes(scenario.defeated, 0, 2)).hasSize(2).allMatch(v -> v.support() == VoteType.AGAINST);
        VoteRecord vote = proposals.voteOf(scenario.active, dao.members.get(2).getAddress()).orElseThrow();
        assertThat(vote.reason()).isEqualTo("looks good");
        assertThat(vote.weight()).isEqualTo(votes(15_000));
        assertThat(proposals.voteOf(scenario.active, dao.admin.getAddress())).isEmpty();
    }

    @Test
    void a_delegates_delegators_come_with_the_balances_the_token_reports() throws Exception {
        String admin = dao.admin.getAddress();
        String member3 = dao.members.get(3).getAddress();

        List<DelegatorBalance> delegators = delegates.delegators(admin, 0, 10);

        assertThat(delegates.countDelegators(admin)).isEqualTo(2);
        assertThat(delegators).extracting(DelegatorBalance::address).containsExactly(admin.toLowerCase(), member3.toLowerCase());
        for (DelegatorBalance delegator : delegators) {
            assertThat(delegator.balance()).isEqualTo(dao.token().balanceOf(delegator.address()).send());
        }
        assertThat(delegates.delegators(admin, 1, 1)).extracting(DelegatorBalance::address).containsExactly(member3.toLowerCase());
        assertThat(delegates.delegators("0x000000000000000000000000000000000000dEaD", 0, 10)).isEmpty();
        assertThatThrownBy(() -> delegates.delegators("alice", 0, 10)).isInstanceOf(InvalidQuery.class);
    }

    @Test
    void delegates_show_current_voting_power_and_delegators() {
        assertThat(delegates.countDelegates()).isEqualTo(4);
        DelegateSummary top = delegates.delegates(0, 10).getFirst();
        assertThat(top.address()).isEqualTo(dao.admin.getAddress().toLowerCase());
        assertThat(top.votes()).isEqualTo(votes(55_000));
        assertThat(top.delegators()).isEqualTo(2);
        assertThat(delegates.delegate(dao.members.get(3).getAddress()).votes()).isZero();
        assertThat(delegates.delegateOf(dao.members.get(3).getAddress())).contains(dao.admin.getAddress().toLowerCase());
        assertThat(delegates.delegate("0x000000000000000000000000000000000000dEaD").votes()).isZero();
    }

    @Test
    void registry_views_show_versions_policies_and_constraints_with_the_deciding_proposals() {
        assertThat(registry.models()).containsExactly(MODEL);
        List<ModelVersionView> versions = registry.versionsOf(MODEL);
        assertThat(versions).extracting(ModelVersionView::version).containsExactly("1", "2");
        ModelVersionView v1 = versions.getFirst();
        assertThat(v1.revoked()).isTrue();
        assertThat(v1.current()).isFalse();
        assertThat(v1.revocationReason()).isEqualTo("biased on small petals");
        assertThat(v1.approvedByProposal()).isEqualTo(scenario.approved);
        assertThat(v1.revokedByProposal()).isEqualTo(scenario.revoked);
        assertThat(registry.countVersions()).isEqualTo(2);
        assertThat(registry.versions(1, 5)).extracting(ModelVersionView::version).containsExactly("2");

        AccessPolicyView policy = registry.accessPolicy(MODEL).orElseThrow();
        assertThat(policy.kind()).isEqualTo(PolicyKind.ALLOW_LIST);
        assertThat(policy.allowList()).containsExactly(scenario.allowed);
        assertThat(policy.setByProposal()).isEqualTo(scenario.approved);
        assertThat(registry.accessPolicies()).hasSize(1);

        assertThat(registry.constraints(MODEL, false)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConstraintKind.ALLOWED_PURPOSES);
            assertThat(c.values()).containsExactly("education", "research");
        });
        ConstraintView removed = registry.constraints(MODEL, true).getFirst();
        assertThat(removed.active()).isFalse();
        assertThat(removed.removalReason()).isEqualTo("superseded");
        assertThat(removed.removedByProposal()).isEqualTo(scenario.revoked);
    }

    @Test
    void every_registry_change_names_the_transaction_that_executed_its_proposal() {
        String approvedIn = proposals.proposal(scenario.approved).orElseThrow().executedTx();
        String revokedIn = proposals.proposal(scenario.revoked).orElseThrow().executedTx();
        assertThat(approvedIn).isNotEqualTo(revokedIn).startsWith("0x").hasSize(66);

        ModelVersionView v1 = registry.versionsOf(MODEL).getFirst();
        assertThat(v1.approvedTx()).isEqualTo(approvedIn);
        assertThat(v1.revokedTx()).isEqualTo(revokedIn);
        assertThat(registry.versionsOf(MODEL).getLast().revokedTx()).isNull();
        assertThat(registry.accessPolicy(MODEL).orElseThrow().txHash()).isEqualTo(approvedIn);
        ConstraintView removed = registry.constraints(MODEL, true).getFirst();
        assertThat(removed.addedTx()).isEqualTo(approvedIn);
        assertThat(removed.removedTx()).isEqualTo(revokedIn);
        assertThat(registry.constraints(MODEL, false).getFirst().removedTx()).isNull();
        assertThat(registry.currentVersionChange(MODEL).orElseThrow().txHash()).isEqualTo(revokedIn);
    }

    @Test
    void the_audit_trail_has_every_log_newest_first_and_per_proposal() {
        assertThat(audit.count()).isEqualTo(dao.logCount());
        List<HistoryRecord> latest = audit.events(0, 5);
        assertThat(latest.getFirst().eventName()).isEqualTo("ProposalCreated");
        assertThat(latest.getFirst().proposalId()).isEqualTo(scenario.pending);
        assertThat(audit.eventsOf(scenario.revoked)).extracting(HistoryRecord::eventName)
                .contains("ProposalCreated", "VoteCast", "ProposalQueued", "ModelVersionRevoked", "CurrentVersionChanged",
                        "EthicalConstraintRemoved", "ProposalExecuted");
    }

    @Test
    void a_proposals_raw_calls_are_kept_exactly_as_proposed_so_it_can_be_queued_and_executed() {
        var proposed = List.of(dao.registryActions.revokeVersion(MODEL, "1", "biased on small petals"),
                dao.registryActions.removeConstraint(MODEL, BigInteger.ONE, "superseded"));
        assertThat(proposals.calls(scenario.revoked)).map(ReadModelContract::normalized)
                .containsExactlyElementsOf(proposed.stream().map(ReadModelContract::normalized).toList());
        assertThat(proposals.calls(BigInteger.TEN)).isEmpty();
    }

    @Test
    void the_audit_trail_filters_by_contract_event_text_and_blocks_in_the_database() {
        var registryEvents = new HistoryQuery("registry", "", "", 0, 0);
        assertThat(audit.events(registryEvents, 0, 100)).isNotEmpty().allMatch(e -> e.contract().equals("REGISTRY"));
        assertThat(audit.count(registryEvents)).isEqualTo(audit.events(registryEvents, 0, 100).size());
        assertThat(audit.events(new HistoryQuery("", "modelversionrevoked", "", 0, 0), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.proposalId()).isEqualTo(scenario.revoked));
        assertThat(audit.events(new HistoryQuery("", "", "SMALL PETALS", 0, 0), 0, 10)).extracting(HistoryRecord::eventName)
                .contains("ModelVersionRevoked");
        assertThat(audit.count(new HistoryQuery("", "", "100%_", 0, 0))).as("LIKE wildcards are literal").isZero();
        HistoryRecord newest = audit.events(0, 1).getFirst();
        assertThat(audit.events(new HistoryQuery("", "", "", newest.blockNumber(), newest.blockNumber()), 0, 10))
                .allMatch(e -> e.blockNumber() == newest.blockNumber()).contains(newest);
        assertThatThrownBy(() -> new HistoryQuery("", "", "", -1, 0)).isInstanceOf(InvalidQuery.class);
    }

    @Test
    void the_last_change_of_the_current_version_names_its_proposal() {
        // the revocation of v1 cleared the alias that the approval had set
        CurrentVersionChange change = registry.currentVersionChange(MODEL).orElseThrow();
        assertThat(change.version()).isEmpty();
        assertThat(change.proposalId()).isEqualTo(scenario.revoked);
        assertThat(registry.currentVersionChange("no-such-model")).isEmpty();
    }

    @Test
    void malformed_queries_are_refused_with_a_clear_error() {
        assertThatThrownBy(() -> proposals.proposals(ProposalFilter.ALL, -1, 10)).isInstanceOf(InvalidQuery.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> audit.events(0, 0)).isInstanceOf(InvalidQuery.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> delegates.delegate("bob")).isInstanceOf(InvalidQuery.class).hasMessageContaining("address");
    }

    /** Addresses and hex compare case-insensitively. */
    private static ProposalCall normalized(ProposalCall call) {
        return new ProposalCall(call.target().toLowerCase(), call.value(), call.calldata().toLowerCase());
    }
}
