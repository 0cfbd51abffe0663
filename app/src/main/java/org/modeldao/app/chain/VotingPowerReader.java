package org.modeldao.app.chain;

/** Reads an account's voting power from the chain. */
public interface VotingPowerReader {

    /**
     * @param address 0x-prefixed account address
     * @throws ChainUnavailable if the node cannot be reached or answers with an error
     */
    VotingPower read(String address);
}
