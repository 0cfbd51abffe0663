package org.modeldao.gateway.api;

import java.util.Arrays;
import java.util.List;
import org.modeldao.gateway.oip.InputHeader;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;
import tools.jackson.databind.JsonNode;

/** Converts OIP JSON tensors to and from the core's {@link Tensor}. */
final class TensorCodec {

    private TensorCodec() {}

    static Tensor decode(OipDtos.RequestInput input) {
        if (input == null) {
            throw new BadRequestException("every input must be an object with name, shape, datatype and data");
        }
        if (input.name() != null && !input.name().isBlank()
                && (input.shape() == null || input.datatype() == null || input.data() == null)) {
            throw new BadRequestException("input " + input.name() + " needs shape, datatype and data");
        }
        DataType type = InputHeader.numericType(input.name(), input.datatype());
        long[] shape = InputHeader.shape(input.name(), input.shape());
        Values values = new Values();
        flatten(input.name(), type, input.data(), values);
        return Tensor.numeric(input.name(), type, shape, values.toArray());
    }

    /** A growing double[]: no boxed Double per value. */
    private static final class Values {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * OIP data is row-major and may come flat or nested; nested arrays are flattened. Integer
     * datatypes take whole JSON numbers only, and only those a double carries exactly: the
     * finite and range checks of every datatype follow in the core's validation.
     */
    private static void flatten(String name, DataType type, JsonNode node, Values into) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(name, type, child, into);
            }
        } else if (node.isNumber()) {
            boolean integer = type == DataType.INT32 || type == DataType.INT64;
            if (integer && !node.isIntegralNumber()) {
                throw new BadRequestException("input " + name + " is " + type + " but its value at index "
                        + into.size() + " is " + node);
            }
            if (integer && node.canConvertToLong()) {
                InputHeader.checkExactInteger(name, node.longValue(), into.size());
            }
            into.add(node.asDouble());
        } else {
            throw new BadRequestException("input " + name + " is " + type + " but its value at index " + into.size()
                    + " is not a number: " + abbreviated(node));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * Primitive arrays, which Jackson writes as JSON arrays without a boxed value per element (the
     * gateway-vs-limit profile found the boxing streams at 2.6 % of the gateway's samples).
     */
    static OipDtos.ResponseOutput encode(Tensor tensor) {
        Object data = switch (tensor.datatype()) {
            case BYTES -> tensor.strings();
            case FP32 -> {
                double[] values = tensor.numbers();
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) values[i];
                }
                yield floats;
            }
            case INT32, INT64 -> {
                double[] values = tensor.numbers();
                long[] longs = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    longs[i] = (long) values[i];
                }
                yield longs;
            }
            case FP64 -> tensor.numbers();
        };
        return new OipDtos.ResponseOutput(tensor.name(), tensor.shape(), tensor.datatype().name(), data);
    }
}
