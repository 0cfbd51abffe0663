package org.modeldao.gateway.serving;

import java.util.List;

/** A declared model input or output; -1 in {@code shape} means any size. */
public record TensorSpec(String name, DataType datatype, List<Long> shape) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    /** Whether concrete dimensions fit this spec (same rank, fixed dimensions equal). */
    public boolean accepts(long[] dims) {
        if (dims.length != shape.size()) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            long declared = shape.get(i); // unboxed once
            if (dims[i] < 0 || (declared >= 0 && declared != dims[i])) {
                return false;
            }
        }
        return true;
    }
}
