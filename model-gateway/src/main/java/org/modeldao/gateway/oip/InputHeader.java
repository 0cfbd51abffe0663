package org.modeldao.gateway.oip;

import java.util.List;
import org.modeldao.gateway.serving.DataType;

/**
 * The checks every input tensor's header passes before its values are read, REST or gRPC: a
 * name, a numeric datatype this gateway carries, non-negative dimensions. The values' checks
 * against the model's signature follow in the core ({@code inference.InputValidator}).
 */
public final class InputHeader {

    private InputHeader() {}

    /** Thrown with the message the caller gets (400 / INVALID_ARGUMENT). */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** @return the input's datatype, numeric */
    public static DataType numericType(String name, String datatype) {
        if (name == null || name.isBlank()) {
            throw new Malformed("every input needs a name");
        }
        DataType type = DataType.parse(datatype).orElseThrow(
                () -> new Malformed("input " + name + ": unsupported datatype " + datatype));
        if (!type.numeric()) {
            throw new Malformed("input " + name + ": BYTES inputs are not supported");
        }
        return type;
    }

    public static long[] shape(String name, List<Long> dimensions) {
        return shape(name, dimensions.stream().mapToLong(d -> d == null ? -1 : d).toArray());
    }

    /** @return the dimensions, checked */
    public static long[] shape(String name, long[] dimensions) {
        for (long d : dimensions) {
            if (d < 0) {
                throw new Malformed("input " + name + ": shape dimensions must be non-negative");
            }
        }
        return dimensions;
    }

    /** Integers travel as doubles in the core: only those a double carries exactly are taken. */
    public static void checkExactInteger(String name, long value, int index) {
        if (value > (1L << 53) || value < -(1L << 53)) {
            throw new Malformed("input " + name + " value at index " + index + " (" + value
                    + ") is beyond ±2^53, which this gateway cannot carry exactly");
        }
    }
}
