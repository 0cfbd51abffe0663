package org.modeldao.contracts.events;

import java.util.List;
import org.modeldao.contracts.ProposalCall;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** The id the timelock gives a governor proposal's batch (OZ 5 GovernorTimelockControl). */
final class TimelockOperations {

    private TimelockOperations() {
    }

    /**
     * {@code hashOperationBatch(targets, values, calldatas, predecessor 0, salt)} with
     * {@code salt = bytes20(governor) ^ keccak256(description)}.
     */
    static String idOf(List<ProposalCall> calls, byte[] description, String governor) {
        byte[] salt = Hash.sha3(description);
        byte[] governorBytes = ChainHex.bytes(governor);
        for (int i = 0; i < governorBytes.length; i++) {
            salt[i] ^= governorBytes[i];
        }
        List<Type> parameters = List.of(
                new DynamicArray<>(Address.class, calls.stream().map(c -> new Address(c.target())).toList()),
                new DynamicArray<>(Uint256.class, calls.stream().map(c -> new Uint256(c.value())).toList()),
                new DynamicArray<>(DynamicBytes.class, calls.stream().map(c -> new DynamicBytes(c.calldataBytes())).toList()),
                new Bytes32(new byte[32]),
                new Bytes32(salt));
        return ChainHex.of(Hash.sha3(ChainHex.bytes(FunctionEncoder.encodeConstructor(parameters))));
    }
}
