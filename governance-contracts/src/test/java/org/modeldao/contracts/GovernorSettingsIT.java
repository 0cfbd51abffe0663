package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.contracts.GovernanceFixture.version;
import static org.modeldao.contracts.GovernanceFixture.votes;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;

class GovernorSettingsIT {

    @RegisterExtension
    static final GovernanceFixture dao = new GovernanceFixture();



    @Test
    void the_governor_s_settings_change_only_through_an_executed_proposal() throws Exception {
        GovernorActions actions = new GovernorActions(dao.deployment.governor());
        ModelDaoGovernor governor = dao.governance.governor(dao.admin);
        String direct = governor.setVotingPeriod(BigInteger.valueOf(5)).encodeFunctionCall();
        assertThat(ContractErrors.simulate(dao.chain.web3j(), dao.admin.getAddress(), dao.deployment.governor(), direct))
                .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo("GovernorOnlyExecutor"));

        dao.pass("Tune the governor", actions.setVotingDelay(2), actions.setVotingPeriod(80),
                actions.setProposalThreshold(votes(2_000)), actions.updateQuorumPercent(10),
                actions.setLateQuorumVoteExtension(20));

        assertThat(governor.votingDelay().send().longValueExact()).isEqualTo(2);
        assertThat(governor.votingPeriod().send().longValueExact()).isEqualTo(80);
        assertThat(governor.proposalThreshold().send()).isEqualTo(votes(2_000));
        assertThat(governor.quorumNumerator().send().intValueExact()).isEqualTo(10);
        assertThat(governor.lateQuorumVoteExtension().send().longValueExact()).isEqualTo(20);
    }

    @Test
    void reaching_quorum_in_the_last_blocks_extends_the_vote() throws Exception {
        GovernanceProposal proposal = new GovernanceProposal(
                List.of(dao.registryActions.approveVersion(version("late-quorum", "1"))), "Approve late-quorum v1");
        BigInteger id = dao.governance.propose(dao.members.getFirst(), proposal);
        ModelDaoGovernor governor = dao.governance.governor(dao.admin);
        long deadline = governor.proposalDeadline(id).send().longValueExact();
        long extension = governor.lateQuorumVoteExtension().send().longValueExact();
        dao.chain.mine(deadline - dao.chain.blockNumber() - 1);

        var receipt = dao.governance.vote(dao.admin, id, VoteType.FOR, "last-minute quorum");

        long extended = governor.proposalDeadline(id).send().longValueExact();
        assertThat(extended).isEqualTo(receipt.getBlockNumber().longValueExact() + extension);
        assertThat(ModelDaoGovernor.getProposalExtendedEvents(receipt)).hasSize(1);
        assertThat(dao.governance.state(id)).isEqualTo(ProposalState.ACTIVE);
    }
}
