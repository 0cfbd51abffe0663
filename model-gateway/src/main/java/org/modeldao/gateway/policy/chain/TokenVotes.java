package org.modeldao.gateway.policy.chain;

import java.math.BigInteger;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.gateway.policy.VotesLookup;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** Reads ERC20Votes voting power (getVotes, at the latest block) from the governance token. */
public final class TokenVotes implements VotesLookup {

    private final GovernanceToken token;

    public TokenVotes(Web3j web3j, String tokenAddress) {
        this.token = GovernanceToken.load(tokenAddress, web3j,
                new ReadonlyTransactionManager(web3j, "0x0000000000000000000000000000000000000000"),
                new DefaultGasProvider());
    }

    @Override
    public BigInteger votesOf(String address) throws VotesUnavailableException {
        try {
            return token.getVotes(address).send();
        } catch (Exception e) {
            throw new VotesUnavailableException(e.getMessage(), e);
        }
    }
}
