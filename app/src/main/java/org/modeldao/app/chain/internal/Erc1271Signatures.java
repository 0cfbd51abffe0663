package org.modeldao.app.chain.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.chain.ContractSignatures;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * {@link ContractSignatures} by {@code eth_getCode} and an {@code eth_call} of {@code isValidSignature} at the latest block.
 * The contract is chosen by whoever signs in, so the call gets a gas cap (a node's default is the
 * whole block gas limit) and a deadline: a contract that loops or a node that stalls makes the
 * signature invalid or the chain unavailable, never a hung request.
 */
class Erc1271Signatures implements ContractSignatures {

    private static final byte[] MAGIC_VALUE = Numeric.hexStringToByteArray("0x1626ba7e");
    /** A Safe's check of a few owner signatures costs well under 100k gas; 200k leaves room for smart-wallet logic. */
    static final BigInteger CALL_GAS_CAP = BigInteger.valueOf(200_000);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Web3j web3j;

    Erc1271Signatures(Web3j web3j) {
        this.web3j = web3j;
    }

    @Override
    public boolean isContract(String address) {
        try {
            String code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
            return code != null && Numeric.cleanHexPrefix(code).length() > 0;
        } catch (IOException | RuntimeException e) {
            throw new ChainUnavailable("Could not read the code of " + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isValidSignature(String address, byte[] hash, byte[] signature) {
        String data = FunctionEncoder.encode(new Function("isValidSignature", List.of(new Bytes32(hash), new DynamicBytes(signature)),
                List.of()));
        EthCall call;
        try {
            call = web3j.ethCall(Transaction.createFunctionCallTransaction(null, null, null, CALL_GAS_CAP, address, data),
                    DefaultBlockParameterName.LATEST).sendAsync().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailable("Interrupted while asking " + address + " to check a signature", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ChainUnavailable("Could not ask " + address + " to check a signature: " + e.getMessage(), e);
        }
        if (call.hasError() || call.isReverted() || call.getValue() == null) {
            return false;
        }
        byte[] answer = Numeric.hexStringToByteArray(call.getValue());
        // bytes4 comes back left-aligned in a 32-byte word
        return answer.length >= 4 && Arrays.equals(Arrays.copyOf(answer, 4), MAGIC_VALUE);
    }
}
