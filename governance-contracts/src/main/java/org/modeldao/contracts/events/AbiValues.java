package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * The decoded parameters of one log in declaration order (indexed and data merged), read in the
 * project's representations. Strings were decoded as bytes ({@link EventCatalogue}), so text is
 * made here: UTF-8 with U+FFFD for invalid sequences, never an exception.
 */
record AbiValues(List<Type<?>> values) {

    BigInteger uint(int i) {
        return ((NumericType) values.get(i)).getValue();
    }

    /** A uint8/uint32 parameter (the ABI already bounds it). */
    int smallUint(int i) {
        return uint(i).intValueExact();
    }

    long uint32(int i) {
        return uint(i).longValueExact();
    }

    String address(int i) {
        return ChainHex.address(((Address) values.get(i)).getValue());
    }

    String bytes32(int i) {
        return ChainHex.of(((Bytes32) values.get(i)).getValue());
    }

    byte[] raw(int i) {
        return ((DynamicBytes) values.get(i)).getValue();
    }

    String text(int i) {
        return new String(raw(i), StandardCharsets.UTF_8);
    }

    String hex(int i) {
        return ChainHex.of(raw(i));
    }

    List<String> addresses(int i) {
        return elements(i).stream().map(a -> ChainHex.address(((Address) a).getValue())).toList();
    }

    List<BigInteger> uints(int i) {
        return elements(i).stream().map(n -> ((NumericType) n).getValue()).toList();
    }

    List<String> texts(int i) {
        return elements(i).stream().map(b -> new String(((DynamicBytes) b).getValue(), StandardCharsets.UTF_8)).toList();
    }

    List<byte[]> raws(int i) {
        return elements(i).stream().map(b -> ((DynamicBytes) b).getValue()).toList();
    }

    private List<?> elements(int i) {
        return ((DynamicArray<?>) values.get(i)).getValue();
    }
}
