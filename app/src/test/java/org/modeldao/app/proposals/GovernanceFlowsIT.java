package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.modeldao.app.GovernanceChainFixture;
import org.modeldao.app.history.HistoryEntry;
import org.modeldao.app.history.HistoryFilter;
import org.modeldao.app.history.GovernanceHistory;
import org.modeldao.app.catalog.CatalogModel;
import org.modeldao.app.catalog.ModelCatalog;
import org.modeldao.app.delegation.SignedDelegation;
import org.modeldao.app.proposals.ProposalAction.ApproveVersion;
import org.modeldao.app.proposals.ProposalAction.SetCurrentVersion;
import org.modeldao.app.readmodel.VoteOrder;
import org.modeldao.app.voting.Ballot;
import org.modeldao.contracts.BallotSignatures;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.RegistryKinds.VersionState;
import org.modeldao.contracts.VoteType;
import org.web3j.crypto.Credentials;

/**
 * One proposal's whole life through the app's services on a real dev chain: delegation by
 * signature, propose from the wallet, gasless votes (and forged ones refused), queue, execute.
 * Steps run in order and build on each other, like the members they stand for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceFlowsIT {

    static GovernanceChainFixture dao;
    static BigInteger proposalId;
    static final ProposalForm APPROVE_IRIS_V1 = new ProposalForm("Approve iris-classifier v1", "Trained on UCI iris; card attached.",
            List.of(new ApproveVersion("iris-classifier", "1", "0x" + "ab".repeat(32), "https://dao.example/artifacts/ab",
                    "0x" + "cd".repeat(32), "https://dao.example/artifacts/cd", "onnx"),
                    new SetCurrentVersion("iris-classifier", "1")));

    @BeforeAll
    static void deploy() {
        dao = GovernanceChainFixture.start();
    }

    @AfterAll
    static void stop() {
        dao.close();
    }

    static Credentials member(int i) {
        return dao.members.get(i);
    }

    @Test
    @Order(1)
    void a_forged_delegation_is_refused_and_never_reaches_the_chain() throws Exception {
        Credentials holder = member(3);
        SignedDelegation unsigned = dao.delegation.unsigned(holder.getAddress(), holder.getAddress());
        // signed by someone else's key, claiming to be the holder
        String forged = BallotSignatures.hex(BallotSignatures.sign(dao.delegation.typedData(unsigned), dao.outsider));
        BigInteger relayerNonceBefore = nonceOf(dao.relayerAccount);

        var outcome = dao.delegation.relay(withSignature(unsigned, forged), "203.0.113.1");

        assertThat(outcome).isInstanceOf(RelayOutcome.Refused.class);
        assertThat(((RelayOutcome.Refused) outcome).reason()).contains("not made by " + holder.getAddress());
        assertThat(nonceOf(dao.relayerAccount)).isEqualTo(relayerNonceBefore);
        assertThat(dao.governor.currentVotes(holder.getAddress())).isZero();
    }

    @Test
    @Order(2)
    void a_holder_delegates_to_herself_by_signature_and_the_relayer_pays() {
        Credentials holder = member(3);
        SignedDelegation unsigned = dao.delegation.unsigned(holder.getAddress(), holder.getAddress());
        String signature = BallotSignatures.hex(BallotSignatures.sign(dao.delegation.typedData(unsigned), holder));

        var outcome = dao.delegation.relay(withSignature(unsigned, signature), "203.0.113.1");

        assertThat(outcome).isInstanceOf(RelayOutcome.Relayed.class);
        assertThat(Votes.format(dao.governor.currentVotes(holder.getAddress()))).isEqualTo("15,000");
        dao.awaitIndexed();
        assertThat(dao.delegation.delegates(0, 50)).anySatisfy(d -> {
            assertThat(d.address()).isEqualToIgnoringCase(holder.getAddress());
            assertThat(Votes.format(d.votingPower())).isEqualTo("15,000");
            assertThat(d.delegators()).isEqualTo(1);
        });
        assertThat(dao.delegateReadModel.delegateOf(holder.getAddress())).hasValueSatisfying(
                delegate -> assertThat(delegate).isEqualToIgnoringCase(holder.getAddress()));
        // the same signature cannot be relayed twice
        assertThat(dao.delegation.relay(withSignature(unsigned, signature), "203.0.113.1")).isInstanceOf(RelayOutcome.Refused.class);
    }

    @Test
    @Order(3)
    void an_account_without_enough_votes_cannot_propose() {
        assertThatThrownBy(() -> dao.proposals.draft(dao.outsider.getAddress(), APPROVE_IRIS_V1))
                .isInstanceOf(GovernanceActionRefused.class)
                .hasMessageContaining("Proposing needs 1,000 votes");
    }

    @Test
    @Order(4)
    void a_member_proposes_from_her_wallet_and_the_page_decodes_every_action() {
        ProposalDraft draft = dao.proposals.draft(member(0).getAddress(), APPROVE_IRIS_V1);
        dao.sendFromWallet(member(0), draft.transaction());
        proposalId = draft.proposalId();
        dao.awaitIndexed();

        ProposalDetails details = dao.queries.find(proposalId).orElseThrow();
        assertThat(details.overview().title()).isEqualTo("Approve iris-classifier v1");
        assertThat(details.overview().state()).isEqualTo(ProposalState.PENDING);
        assertThat(details.actions()).containsExactlyElementsOf(APPROVE_IRIS_V1.actions());
        assertThat(details.actions().getFirst().describe()).startsWith("Approve model iris-classifier v1 (onnx), artifact sha256 0xabab");
        assertThat(details.description()).contains("## Actions\n1. Approve model iris-classifier v1");
    }

    @Test
    @Order(5)
    void the_same_proposal_cannot_be_made_twice() {
        assertThatThrownBy(() -> dao.proposals.draft(member(1).getAddress(), APPROVE_IRIS_V1))
                .isInstanceOf(GovernanceActionRefused.class).hasMessageContaining("GovernorUnexpectedProposalState");
    }

    @Test
    @Order(6)
    void a_forged_ballot_is_refused_and_never_reaches_the_chain() throws Exception {
        // stop at the snapshot block: the next block is the first that takes votes (the proposal
        // page already offers the ballot), and nothing below mines one
        long snapshot = dao.governor.snapshot(proposalId);
        dao.chain.mine(snapshot - dao.chain.blockNumber());
        assertThat(dao.chain.blockNumber()).isEqualTo(snapshot);
        Credentials victim = member(2);
        String typedData = dao.votes.ballotToSign(victim.getAddress(), proposalId, VoteType.AGAINST, "forged");
        String forged = BallotSignatures.hex(BallotSignatures.sign(typedData, dao.outsider));
        BigInteger relayerNonceBefore = nonceOf(dao.relayerAccount);

        var outcome = dao.votes.relay(new Ballot(proposalId, VoteType.AGAINST, victim.getAddress(), "forged",
                dao.governor.governorNonce(victim.getAddress())), forged, "203.0.113.1");

        assertThat(outcome).isInstanceOf(RelayOutcome.Refused.class);
        assertThat(nonceOf(dao.relayerAccount)).isEqualTo(relayerNonceBefore);
        assertThat(dao.governor.hasVoted(proposalId, victim.getAddress())).isFalse();
        // a genuine signature over a different ballot (reason changed after signing) is refused too
        String genuine = BallotSignatures.hex(BallotSignatures.sign(typedData, victim));
        var tampered = dao.votes.relay(new Ballot(proposalId, VoteType.AGAINST, victim.getAddress(), "tampered reason",
                dao.governor.governorNonce(victim.getAddress())), genuine, "203.0.113.1");
        assertThat(tampered).isInstanceOf(RelayOutcome.Refused.class);
    }

    @Test
    @Order(7)
    void members_vote_gasless_with_and_without_a_reason_and_from_the_wallet() {
        assertThat(dao.chain.blockNumber()).as("still the snapshot block: this ballot lands in the first block of the vote")
                .isEqualTo(dao.governor.snapshot(proposalId));
        relayVote(member(0), VoteType.FOR, "The card documents its limits well");
        relayVote(member(1), VoteType.FOR, "");
        dao.sendFromWallet(member(3), dao.votes.voteTransaction(member(3).getAddress(), proposalId, VoteType.ABSTAIN, "No opinion"));
        dao.awaitIndexed();

        ProposalDetails details = dao.queries.find(proposalId).orElseThrow();
        assertThat(Votes.format(details.overview().tally().forVotes())).isEqualTo("30,000");
        assertThat(Votes.format(details.overview().tally().abstainVotes())).isEqualTo("15,000");
        assertThat(details.quorumReached()).isTrue();
        assertThat(details.voteCount()).isEqualTo(3);
        assertThat(dao.queries.votes(proposalId, VoteOrder.LATEST_FIRST, 0, 50)).extracting(ProposalDetails.CastVote::reason)
                .containsExactlyInAnyOrder("The card documents its limits well", "", "No opinion");
        assertThatThrownBy(() -> dao.votes.ballotToSign(member(0).getAddress(), proposalId, VoteType.AGAINST, ""))
                .hasMessageContaining("already voted");
    }

    @Test
    @Order(8)
    void an_active_proposal_cannot_be_queued_yet() {
        assertThatThrownBy(() -> dao.proposals.queue(member(0).getAddress(), proposalId))
                .isInstanceOf(GovernanceActionRefused.class).hasMessageContaining("active cannot be queued");
    }

    @Test
    @Order(9)
    void a_succeeded_proposal_is_queued_and_executed_after_the_timelock_delay() {
        dao.devGovernance.endVoting(proposalId);
        assertThat(dao.governor.state(proposalId)).isEqualTo(ProposalState.SUCCEEDED);
        dao.awaitIndexed();

        dao.sendFromWallet(member(1), dao.proposals.queue(member(1).getAddress(), proposalId));
        assertThat(dao.governor.state(proposalId)).isEqualTo(ProposalState.QUEUED);
        dao.awaitIndexed();
        assertThatThrownBy(() -> dao.proposals.execute(member(1).getAddress(), proposalId))
                .isInstanceOf(GovernanceActionRefused.class).hasMessageContaining("timelock delay has not passed");

        dao.chain.increaseTime(dao.governor.timelockDelay().plus(Duration.ofSeconds(1)));
        dao.sendFromWallet(dao.outsider, dao.proposals.execute(dao.outsider.getAddress(), proposalId));

        assertThat(dao.governor.state(proposalId)).isEqualTo(ProposalState.EXECUTED);
        dao.awaitIndexed();
        ProposalDetails details = dao.queries.find(proposalId).orElseThrow();
        assertThat(details.timeline()).allSatisfy(step -> assertThat(step.reached()).as(step.label()).isTrue());
        assertThat(details.timeline()).extracting(ProposalDetails.TimelineEntry::label)
                .containsExactly("Created", "Voting starts", "Voting ends", "Queued", "Executable at", "Executed");
    }

    @Test
    @Order(10)
    void the_registry_now_serves_the_approved_version_as_current() throws Exception {
        var registry = dao.registry();
        assertThat(VersionState.of(registry.getVersion("iris-classifier", "1").send().state)).isEqualTo(VersionState.APPROVED);
        assertThat(registry.currentVersion("iris-classifier").send()).isEqualTo("1");
    }

    @Test
    @Order(10)
    void the_catalog_shows_the_version_with_its_hashes_and_the_proposal_that_approved_it() {
        var catalog = new ModelCatalog(dao.registryReadModel);

        CatalogModel iris = catalog.model("iris-classifier").orElseThrow();
        assertThat(iris.currentVersion()).contains("1");
        CatalogModel.Version v1 = iris.version("1").orElseThrow();
        assertThat(v1.state()).isEqualTo(VersionState.APPROVED);
        assertThat(v1.artifactSha256()).isEqualTo("0x" + "ab".repeat(32));
        assertThat(v1.approvedBy().proposalId()).contains(proposalId);
        assertThat(iris.currentSetBy().orElseThrow().proposalId()).contains(proposalId);
        String executedIn = dao.readModel.proposal(proposalId).orElseThrow().executedTx();
        assertThat(executedIn).startsWith("0x").hasSize(66);
        assertThat(v1.approvedBy().transactionHash()).isEqualTo(executedIn);
        assertThat(iris.currentSetBy().orElseThrow().transactionHash()).isEqualTo(executedIn);
    }

    @Test
    @Order(10)
    void the_audit_trail_lists_every_step_and_filters_by_proposal() {
        var trail = new GovernanceHistory(dao.auditTrail);

        var events = trail.events(new HistoryFilter("Governor", "", proposalId.toString(), 0, 0));
        assertThat(trail.events(new HistoryFilter("Registry", "", proposalId.toString(), 0, 0)))
                .extracting(HistoryEntry::event).containsExactly("CurrentVersionChanged", "ModelVersionApproved");
        // OpenZeppelin emits VoteCast (not VoteCastWithParams) when a signed vote carries no params
        assertThat(events).extracting(HistoryEntry::event).containsExactly("ProposalExecuted", "ProposalQueued", "VoteCast",
                "VoteCast", "VoteCast", "ProposalCreated");
        assertThat(trail.csv(new HistoryFilter("Registry", "", "", 0, 0)))
                .startsWith("block,time,transaction,log_index,contract,event,proposal_id,summary\r\n")
                .contains("ModelVersionApproved," + proposalId + ",Approved iris-classifier 1 (onnx)");
        assertThat(trail.count(new HistoryFilter("", "VoteCast", "", 0, 0))).isEqualTo(3);
        assertThat(trail.events(new HistoryFilter("", "", "IRIS-CLASSIFIER 1", 0, 0), 0, 10)).extracting(HistoryEntry::event)
                .contains("ModelVersionApproved");
    }

    @Test
    @Order(11)
    void approving_the_same_version_again_is_refused_before_anything_is_proposed() {
        ProposalForm again = new ProposalForm("Approve iris v1 again", "oops", List.of(APPROVE_IRIS_V1.actions().getFirst()));
        assertThatThrownBy(() -> dao.proposals.draft(member(0).getAddress(), again))
                .isInstanceOf(InvalidProposal.class).hasMessageContaining("VersionAlreadyRegistered");
    }

    @Test
    @Order(12)
    void only_the_proposer_may_cancel_and_only_before_voting_starts() {
        ProposalForm revoke = new ProposalForm("Revoke iris-classifier v1", "Found a labelling bug.",
                List.of(new ProposalAction.RevokeVersion("iris-classifier", "1", "labelling bug in the training data")));
        ProposalDraft draft = dao.proposals.draft(member(2).getAddress(), revoke);
        dao.sendFromWallet(member(2), draft.transaction());
        dao.awaitIndexed();

        assertThatThrownBy(() -> dao.proposals.cancel(member(0).getAddress(), draft.proposalId()))
                .isInstanceOf(GovernanceActionRefused.class).hasMessageContaining("Only the proposer");
        dao.sendFromWallet(member(2), dao.proposals.cancel(member(2).getAddress(), draft.proposalId()));
        dao.awaitIndexed();

        ProposalDetails details = dao.queries.find(draft.proposalId()).orElseThrow();
        assertThat(details.overview().state()).isEqualTo(ProposalState.CANCELED);
        assertThat(details.timeline()).extracting(ProposalDetails.TimelineEntry::label).contains("Canceled");
        assertThat(details.actions().getFirst().describe()).isEqualTo("Revoke model iris-classifier v1 because: labelling bug in the training data");
        assertThatThrownBy(() -> dao.proposals.cancel(member(2).getAddress(), draft.proposalId()))
                .isInstanceOf(GovernanceActionRefused.class).hasMessageContaining("canceled cannot be canceled");
    }

    private static void relayVote(Credentials voter, VoteType vote, String reason) {
        String typedData = dao.votes.ballotToSign(voter.getAddress(), proposalId, vote, reason);
        String signature = BallotSignatures.hex(BallotSignatures.sign(typedData, voter));
        var outcome = dao.votes.relay(new Ballot(proposalId, vote, voter.getAddress(), reason,
                dao.governor.governorNonce(voter.getAddress())), signature, "203.0.113.1");
        assertThat(outcome).as(outcome.toString()).isInstanceOf(RelayOutcome.Relayed.class);
    }

    private static SignedDelegation withSignature(SignedDelegation d, String signature) {
        return new SignedDelegation(d.delegator(), d.delegatee(), d.nonce(), d.expiry(), signature);
    }

    private static BigInteger nonceOf(Credentials account) throws Exception {
        return dao.chain.web3j().ethGetTransactionCount(account.getAddress(),
                org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getTransactionCount();
    }
}
