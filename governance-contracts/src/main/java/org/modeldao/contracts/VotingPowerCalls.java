package org.modeldao.contracts;

import java.math.BigInteger;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.protocol.Web3j;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The reads behind an account's weight in the DAO, at the latest block: delegated votes
 * (ERC20Votes {@code getVotes}), token balance and the governor's proposal threshold. One place for
 * the app's voting-power reader and the gateway's token-holder check; each adapts the failure to
 * its own exception.
 */
public final class VotingPowerCalls {

    private final GovernanceToken token;
    private final ModelDaoGovernor governor;

    public VotingPowerCalls(Web3j web3j, String tokenAddress, String governorAddress) {
        // view calls only: no gas is ever paid, and nothing is asked of the node before the first read
        this.token = GovernanceToken.load(tokenAddress, web3j, Transactions.readOnly(web3j), new DefaultGasProvider());
        this.governor = ModelDaoGovernor.load(governorAddress, web3j, Transactions.readOnly(web3j), new DefaultGasProvider());
    }

    public VotingPowerCalls(Web3j web3j, DeploymentDescriptor deployment) {
        this(web3j, deployment.token(), deployment.governor());
    }

    /** Delegated voting power of {@code address} ({@code 0x} hex). */
    public BigInteger votes(String address) throws Exception {
        return token.getVotes(address).send();
    }

    public BigInteger balance(String address) throws Exception {
        return token.balanceOf(address).send();
    }

    /** Votes the governor requires to propose. */
    public BigInteger proposalThreshold() throws Exception {
        return governor.proposalThreshold().send();
    }
}
