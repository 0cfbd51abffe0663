package org.modeldao.contracts;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint48;

/**
 * Builds the calls a proposal makes to change the Governor's own settings. The Governor only
 * accepts them from its executor (the timelock), so they take effect through a proposal.
 */
public final class GovernorActions {

    private final String governor;

    public GovernorActions(String governorAddress) {
        this.governor = governorAddress;
    }

    public ProposalCall setVotingDelay(long blocks) {
        return call(ModelDaoGovernor.FUNC_SETVOTINGDELAY, new Uint48(BigInteger.valueOf(blocks)));
    }

    public ProposalCall setVotingPeriod(long blocks) {
        return call(ModelDaoGovernor.FUNC_SETVOTINGPERIOD, new Uint32(BigInteger.valueOf(blocks)));
    }

    public ProposalCall setProposalThreshold(BigInteger votes) {
        return call(ModelDaoGovernor.FUNC_SETPROPOSALTHRESHOLD, new Uint256(votes));
    }

    public ProposalCall updateQuorumPercent(int percent) {
        return call(ModelDaoGovernor.FUNC_UPDATEQUORUMNUMERATOR, new Uint256(BigInteger.valueOf(percent)));
    }

    public ProposalCall setLateQuorumVoteExtension(long blocks) {
        return call(ModelDaoGovernor.FUNC_SETLATEQUORUMVOTEEXTENSION, new Uint48(BigInteger.valueOf(blocks)));
    }

    private ProposalCall call(String function, Type<?> argument) {
        return ProposalCall.of(governor, FunctionEncoder.encode(new Function(function, List.of(argument), List.of())));
    }
}
