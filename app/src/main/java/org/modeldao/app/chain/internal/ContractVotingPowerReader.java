package org.modeldao.app.chain.internal;

import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.app.chain.VotingPowerReader;
import org.modeldao.contracts.VotingPowerCalls;
import org.web3j.protocol.Web3j;

/** {@link VotingPowerReader} over the shared {@link VotingPowerCalls} (the gateway's token-holder check reads the same). */
class ContractVotingPowerReader implements VotingPowerReader {

    private final VotingPowerCalls calls;

    ContractVotingPowerReader(Web3j web3j, String tokenAddress, String governorAddress) {
        this.calls = new VotingPowerCalls(web3j, tokenAddress, governorAddress);
    }

    @Override
    public VotingPower read(String address) {
        try {
            return new VotingPower(calls.votes(address), calls.balance(address), calls.proposalThreshold());
        } catch (Exception e) {
            throw new ChainUnavailable("Could not read the voting power of " + address + " from the chain: " + e.getMessage(), e);
        }
    }
}
