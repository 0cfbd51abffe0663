package org.modeldao.app.chain.internal;

import java.math.BigInteger;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.app.chain.VotingPowerReader;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** {@link VotingPowerReader} over the generated GovernanceToken and ModelDaoGovernor wrappers. */
class ContractVotingPowerReader implements VotingPowerReader {

    private static final String NOBODY = "0x0000000000000000000000000000000000000000";

    private final GovernanceToken token;
    private final ModelDaoGovernor governor;

    ContractVotingPowerReader(Web3j web3j, String tokenAddress, String governorAddress) {
        ReadonlyTransactionManager readOnly = new ReadonlyTransactionManager(web3j, NOBODY);
        this.token = GovernanceToken.load(tokenAddress, web3j, readOnly, new DefaultGasProvider());
        this.governor = ModelDaoGovernor.load(governorAddress, web3j, readOnly, new DefaultGasProvider());
    }

    @Override
    public VotingPower read(String address) {
        try {
            BigInteger votes = token.getVotes(address).send();
            BigInteger balance = token.balanceOf(address).send();
            BigInteger threshold = governor.proposalThreshold().send();
            return new VotingPower(votes, balance, threshold);
        } catch (Exception e) {
            throw new ChainUnavailable("Could not read the voting power of " + address + " from the chain: " + e.getMessage(), e);
        }
    }
}
