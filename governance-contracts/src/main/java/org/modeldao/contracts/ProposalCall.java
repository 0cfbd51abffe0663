package org.modeldao.contracts;

import java.math.BigInteger;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * One call a proposal makes when executed: target contract, ether sent, calldata.
 *
 * @param target   contract the timelock calls
 * @param value    wei sent with the call (the DAO's own actions send none)
 * @param calldata ABI-encoded function call, 0x-prefixed hex
 */
public record ProposalCall(String target, BigInteger value, String calldata) {

    public ProposalCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(calldata, "calldata");
    }

    public static ProposalCall of(String target, String calldata) {
        return new ProposalCall(target, BigInteger.ZERO, calldata);
    }

    public byte[] calldataBytes() {
        return Numeric.hexStringToByteArray(calldata);
    }
}
