package org.modeldao.gateway.serving;

import java.util.Arrays;

/**
 * A named, row-major tensor. Numeric data is held as {@code double[]} whatever the wire
 * datatype (every FP32/INT32/INT64 value an API client sends fits a double exactly enough for
 * checks and conversion); BYTES data as {@code String[]}.
 */
public record Tensor(String name, DataType datatype, long[] shape, double[] numbers, String[] strings) {

    public static Tensor numeric(String name, DataType datatype, long[] shape, double[] numbers) {
        return new Tensor(name, datatype, shape, numbers, null);
    }

    public static Tensor bytes(String name, long[] shape, String[] strings) {
        return new Tensor(name, DataType.BYTES, shape, null, strings);
    }

    public int length() {
        return numbers != null ? numbers.length : strings.length;
    }

    /** Product of the shape's dimensions: what {@link #length()} must equal. */
    public long declaredElements() {
        long product = 1;
        for (long dim : shape) {
            product *= dim;
        }
        return product;
    }

    /** The first dimension: how many rows (instances) this request carries. */
    public long batchSize() {
        return shape.length == 0 ? 1 : shape[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor t && name.equals(t.name) && datatype == t.datatype
                && Arrays.equals(shape, t.shape) && Arrays.equals(numbers, t.numbers) && Arrays.equals(strings, t.strings);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ":" + datatype + Arrays.toString(shape);
    }
}
