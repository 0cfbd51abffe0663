package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modeldao.contracts.GovernanceFixture.version;
import static org.modeldao.contracts.GovernanceFixture.votes;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple3;

class GovernanceLifecycleIT {

    @RegisterExtension
    static final GovernanceFixture dao = new GovernanceFixture();



    @Test
    void approving_a_model_version_goes_from_proposal_to_registry_and_its_events_rebuild_the_same_data() throws Exception {
        ModelRegistry.VersionSubmission submitted = version("iris-classifier", "1");
        GovernanceProposal proposal = new GovernanceProposal(
                List.of(dao.registryActions.approveVersion(submitted)), "Approve iris-classifier v1");
        Credentials proposer = dao.members.get(0);

        BigInteger id = dao.governance.propose(proposer, proposal);
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.PENDING);
        dao.governance.startVoting(id);
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.ACTIVE);

        TransactionReceipt forVote = dao.governance.vote(dao.members.get(0), id, VoteType.FOR, "well evaluated");
        dao.governance.vote(dao.members.get(1), id, VoteType.FOR, "card is complete");
        dao.governance.vote(dao.members.get(2), id, VoteType.AGAINST, "too few evaluation metrics");
        dao.governance.vote(dao.members.get(3), id, VoteType.ABSTAIN, "not my field");

        ModelDaoGovernor.VoteCastEventResponse cast = ModelDaoGovernor.getVoteCastEvents(forVote).getFirst();
        assertThat(cast.reason).isEqualTo("well evaluated");
        assertThat(cast.weight).isEqualTo(votes(15_000));
        Tuple3<BigInteger, BigInteger, BigInteger> tally = governor().proposalVotes(id).send();
        assertThat(tally.component1()).as("against").isEqualTo(votes(15_000));
        assertThat(tally.component2()).as("for").isEqualTo(votes(30_000));
        assertThat(tally.component3()).as("abstain").isEqualTo(votes(15_000));

        dao.governance.endVoting(id);
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.SUCCEEDED);
        dao.governance.queue(proposer, proposal);
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.QUEUED);
        TransactionReceipt execution = dao.governance.execute(proposer, proposal);
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.EXECUTED);

        ModelRegistry.ModelVersion stored = dao.registry().getVersion("iris-classifier", "1").send();
        assertThat(RegistryKinds.VersionState.of(stored.state)).isEqualTo(RegistryKinds.VersionState.APPROVED);
        assertThat(stored.artifactSha256).isEqualTo(submitted.artifactSha256);
        assertThat(stored.artifactUri).isEqualTo(submitted.artifactUri);
        assertThat(stored.cardSha256).isEqualTo(submitted.cardSha256);
        assertThat(stored.cardUri).isEqualTo(submitted.cardUri);
        assertThat(stored.format).isEqualTo("onnx");
        assertThat(dao.registry().isApproved("iris-classifier", "1", submitted.artifactSha256).send()).isTrue();
        assertThat(dao.registry().models().send()).contains("iris-classifier");

        ModelRegistry.ModelVersionApprovedEventResponse fromReceipt =
                ModelRegistry.getModelVersionApprovedEvents(execution).getFirst();
        String approvedTopic = EventEncoder.encode(ModelRegistry.MODELVERSIONAPPROVED_EVENT);
        ModelRegistry.ModelVersionApprovedEventResponse fromLogs = registryLogs().stream()
                .filter(log -> log.getTopics().getFirst().equals(approvedTopic))
                .map(ModelRegistry::getModelVersionApprovedEventFromLog)
                .filter(event -> "1".equals(event.version))
                .findFirst().orElseThrow();
        for (ModelRegistry.ModelVersionApprovedEventResponse event : List.of(fromReceipt, fromLogs)) {
            assertThat(event.model).isEqualTo(stored.model);
            assertThat(event.version).isEqualTo(stored.version);
            assertThat(event.artifactSha256).isEqualTo(stored.artifactSha256);
            assertThat(event.artifactUri).isEqualTo(stored.artifactUri);
            assertThat(event.cardSha256).isEqualTo(stored.cardSha256);
            assertThat(event.cardUri).isEqualTo(stored.cardUri);
            assertThat(event.format).isEqualTo(stored.format);
        }
        assertThat(fromLogs.log.getTransactionHash()).isEqualTo(execution.getTransactionHash());
    }

    @Test
    void a_proposal_defeated_by_votes_can_neither_be_queued_nor_executed() throws Exception {
        GovernanceFixture.OpenProposal open = dao.openApprovalProposal("defeated-model");
        BigInteger id = open.id();
        GovernanceProposal proposal = open.proposal();
        dao.governance.vote(dao.members.get(0), id, VoteType.FOR, "yes");
        dao.governance.vote(dao.admin, id, VoteType.AGAINST, "no");
        dao.governance.endVoting(id);

        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.DEFEATED);
        assertRefused(proposal);
    }

    @Test
    void a_proposal_that_misses_quorum_can_neither_be_queued_nor_executed() throws Exception {
        GovernanceFixture.OpenProposal open = dao.openApprovalProposal("quorumless-model");
        BigInteger id = open.id();
        GovernanceProposal proposal = open.proposal();
        dao.governance.vote(dao.smallHolder, id, VoteType.FOR, "only 500 votes for, none against");
        dao.governance.endVoting(id);

        Tuple3<BigInteger, BigInteger, BigInteger> tally = governor().proposalVotes(id).send();
        assertThat(tally.component2()).isGreaterThan(tally.component1());
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.DEFEATED);
        assertRefused(proposal);
    }

    @Test
    void a_vote_signed_off_chain_counts_once_relayed_by_anyone() throws Exception {
        GovernanceFixture.OpenProposal open = dao.openApprovalProposal("signed-vote-model");
        BigInteger id = open.id();
        Credentials voter = dao.members.get(2);
        BigInteger nonce = governor().nonces(voter.getAddress()).send();

        String typedData = BallotSignatures.typedData(dao.chain.chainId(), dao.deployment.governor(), id, VoteType.FOR,
                voter.getAddress(), nonce);
        byte[] signature = BallotSignatures.sign(typedData, voter);
        TransactionReceipt relayed = dao.governance.governor(dao.outsider)
                .castVoteBySig(id, VoteType.FOR.support(), voter.getAddress(), signature).send();

        ModelDaoGovernor.VoteCastEventResponse cast = ModelDaoGovernor.getVoteCastEvents(relayed).getFirst();
        assertThat(cast.voter).isEqualToIgnoringCase(voter.getAddress());
        assertThat(cast.weight).isEqualTo(votes(15_000));
        assertThat(governor().hasVoted(id, voter.getAddress()).send()).isTrue();
        assertThat(governor().hasVoted(id, dao.outsider.getAddress()).send()).isFalse();
        assertThat(governor().proposalVotes(id).send().component2()).isEqualTo(votes(15_000));

        // the same signature again: the nonce is spent
        assertThat(ContractErrors.simulate(dao.chain.web3j(), dao.outsider.getAddress(), dao.deployment.governor(),
                governor().castVoteBySig(id, VoteType.FOR.support(), voter.getAddress(), signature).encodeFunctionCall()))
                .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo("GovernorInvalidSignature"));
    }

    @Test
    void a_second_vote_from_the_same_account_is_refused() throws Exception {
        GovernanceFixture.OpenProposal open = dao.openApprovalProposal("double-vote-model");
        BigInteger id = open.id();
        dao.governance.vote(dao.members.get(1), id, VoteType.FOR, "first");

        String secondVote = governor().castVoteWithReason(id, VoteType.AGAINST.support(), "second").encodeFunctionCall();
        assertThat(ContractErrors.simulate(dao.chain.web3j(), dao.members.get(1).getAddress(), dao.deployment.governor(),
                secondVote)).hasValueSatisfying(revert -> {
                    assertThat(revert.name()).isEqualTo("GovernorAlreadyCastVote");
                    assertThat(revert.arguments().getFirst()).isEqualToIgnoringCase(dao.members.get(1).getAddress());
                });
        assertThatThrownBy(() -> dao.governance.vote(dao.members.get(1), id, VoteType.AGAINST, "second"))
                .isInstanceOf(RuntimeException.class);
        Tuple3<BigInteger, BigInteger, BigInteger> tally = governor().proposalVotes(id).send();
        assertThat(tally.component1()).isZero();
        assertThat(tally.component2()).isEqualTo(votes(15_000));
    }

    @Test
    void votes_delegated_after_the_snapshot_do_not_count() throws Exception {
        GovernanceProposal proposal = new GovernanceProposal(
                List.of(dao.registryActions.approveVersion(version("late-delegation-model", "1"))),
                "Approve late-delegation-model v1");
        BigInteger id = dao.governance.propose(dao.members.get(0), proposal);
        dao.governance.startVoting(id);
        dao.governance.delegateToSelf(dao.lateHolder);
        assertThat(dao.governance.token(dao.lateHolder).getVotes(dao.lateHolder.getAddress()).send()).isEqualTo(votes(500));

        TransactionReceipt vote = dao.governance.vote(dao.lateHolder, id, VoteType.FOR, "delegated too late");

        assertThat(ModelDaoGovernor.getVoteCastEvents(vote).getFirst().weight).isZero();
        assertThat(governor().proposalVotes(id).send().component2()).isZero();
    }

    private void assertRefused(GovernanceProposal proposal) throws Exception {
        ModelDaoGovernor governor = governor();
        String queue = governor.queue(proposal.targets(), proposal.values(), proposal.calldatas(), proposal.descriptionHash())
                .encodeFunctionCall();
        String execute = governor.execute(proposal.targets(), proposal.values(), proposal.calldatas(),
                proposal.descriptionHash(), BigInteger.ZERO).encodeFunctionCall();
        String sender = dao.members.get(0).getAddress();
        assertThat(ContractErrors.simulate(dao.chain.web3j(), sender, dao.deployment.governor(), queue))
                .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo("GovernorUnexpectedProposalState"));
        assertThat(ContractErrors.simulate(dao.chain.web3j(), sender, dao.deployment.governor(), execute))
                .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo("GovernorUnexpectedProposalState"));
        assertThatThrownBy(() -> dao.governance.queue(dao.members.get(0), proposal)).isInstanceOf(RuntimeException.class);
    }

    private ModelDaoGovernor governor() {
        return dao.governance.governor(dao.admin);
    }

    private List<Log> registryLogs() throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(dao.deployment.deploymentBlock())),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(dao.chain.blockNumber())), dao.deployment.registry());
        return dao.chain.web3j().ethGetLogs(filter).send().getLogs().stream()
                .map(result -> (Log) ((EthLog.LogObject) result).get())
                .toList();
    }
}
