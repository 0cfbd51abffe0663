package org.modeldao.contracts.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Checks that ABI-encoded log data fits the event's types before web3j decodes it: web3j trusts
 * the length words and allocates a list of the claimed size (a hostile length of 2^31 is an
 * OutOfMemoryError, 2^24 is 128 MB). Every offset and length must point inside the data, and an
 * array of n elements needs at least 32·n bytes. The contents claimed must not add up to more
 * than the data either: a canonical encoding never overlaps, while elements that all point to the
 * same long string would make web3j decode it once per element.
 */
final class AbiBounds {

    private static final int WORD = 32;

    private AbiBounds() {
    }

    /** @throws IllegalArgumentException naming the first parameter that does not fit */
    static void check(byte[] data, List<TypeReference<?>> types) {
        if (data.length % WORD != 0) {
            throw new IllegalArgumentException("data is " + data.length + " bytes, not whole 32-byte words");
        }
        require(data, 0, (long) types.size() * WORD, "the head of " + types.size() + " parameters");
        long[] claimed = {(long) types.size() * WORD};
        for (int i = 0; i < types.size(); i++) {
            checkValue(data, 0, (long) i * WORD, types.get(i).getType(), "parameter " + i, claimed);
        }
    }

    /** {@code slot} is where the value's head word sits; offsets of dynamic values count from {@code base}. */
    private static void checkValue(byte[] data, long base, long slot, Type type, String what, long[] claimed) {
        Kind kind = kind(type);
        if (kind == Kind.STATIC) {
            require(data, slot, WORD, what);
            return;
        }
        long start = base + word(data, slot, what + " offset");
        long length = word(data, start, what + " length");
        claim(data, claimed, WORD + (kind == Kind.BYTES ? length : length * WORD), what);
        if (kind == Kind.BYTES) {
            require(data, start + WORD, length, what + " of " + length + " bytes");
            return;
        }
        Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
        long elementsStart = start + WORD;
        require(data, elementsStart, length * WORD, what + " of " + length + " elements");
        for (long e = 0; e < length; e++) {
            checkValue(data, elementsStart, elementsStart + e * WORD, element, what + "[" + e + "]", claimed);
        }
    }

    private enum Kind { STATIC, BYTES, ARRAY }

    private static Kind kind(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            if (parameterized.getRawType() == DynamicArray.class) {
                return Kind.ARRAY;
            }
            throw new IllegalStateException("unsupported ABI type " + type);
        }
        if (type == DynamicBytes.class || type == Utf8String.class) {
            return Kind.BYTES;
        }
        return Kind.STATIC;
    }

    /** A length or offset word, which must fit in the data at all (so in an int). */
    private static long word(byte[] data, long at, String what) {
        require(data, at, WORD, what);
        BigInteger value = new BigInteger(1, java.util.Arrays.copyOfRange(data, (int) at, (int) at + WORD));
        if (value.compareTo(BigInteger.valueOf(data.length)) > 0) {
            throw new IllegalArgumentException(what + " " + value + " points past the " + data.length + " bytes of data");
        }
        return value.longValueExact();
    }

    private static void claim(byte[] data, long[] claimed, long bytes, String what) {
        claimed[0] += bytes;
        if (claimed[0] > data.length) {
            throw new IllegalArgumentException(what + " claims more content than the " + data.length + " bytes of data hold");
        }
    }

    private static void require(byte[] data, long from, long length, String what) {
        if (from < 0 || length < 0 || from + length > data.length) {
            throw new IllegalArgumentException(what + " does not fit in the " + data.length + " bytes of data");
        }
    }
}
