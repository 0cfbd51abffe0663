package org.modeldao.gateway.api;

import java.util.ArrayList;
import java.util.List;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;
import tools.jackson.databind.JsonNode;

/** Converts OIP JSON tensors to and from the core's {@link Tensor}. */
final class TensorCodec {

    private TensorCodec() {}

    static Tensor decode(OipDtos.RequestInput input) {
        if (input.name() == null || input.name().isBlank()) {
            throw new BadRequestException("every input needs a name");
        }
        if (input.shape() == null || input.datatype() == null || input.data() == null) {
            throw new BadRequestException("input " + input.name() + " needs shape, datatype and data");
        }
        DataType type = DataType.parse(input.datatype()).orElseThrow(
                () -> new BadRequestException("input " + input.name() + ": unsupported datatype " + input.datatype()));
        if (!type.numeric()) {
            throw new BadRequestException("input " + input.name() + ": BYTES inputs are not supported");
        }
        long[] shape = input.shape().stream().mapToLong(d -> {
            if (d == null || d < 0) {
                throw new BadRequestException("input " + input.name() + ": shape dimensions must be non-negative");
            }
            return d;
        }).toArray();
        List<Double> values = new ArrayList<>();
        flatten(input.name(), type, input.data(), values);
        return Tensor.numeric(input.name(), type, shape, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** OIP data is row-major and may come flat or nested; nested arrays are flattened. */
    private static void flatten(String name, DataType type, JsonNode node, List<Double> into) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(name, type, child, into);
            }
        } else if (node.isNumber()) {
            if ((type == DataType.INT32 || type == DataType.INT64) && !node.isIntegralNumber()) {
                throw new BadRequestException("input " + name + " is " + type + " but has value " + node);
            }
            into.add(node.asDouble());
        } else {
            throw new BadRequestException("input " + name + " is " + type + " but has non-numeric value " + node);
        }
    }

    static OipDtos.ResponseOutput encode(Tensor tensor) {
        List<Long> shape = java.util.Arrays.stream(tensor.shape()).boxed().toList();
        Object data = switch (tensor.datatype()) {
            case BYTES -> List.of(tensor.strings());
            case FP32 -> {
                List<Float> floats = new ArrayList<>(tensor.length());
                for (double v : tensor.numbers()) {
                    floats.add((float) v);
                }
                yield floats;
            }
            case INT32, INT64 -> java.util.Arrays.stream(tensor.numbers()).mapToLong(v -> (long) v).boxed().toList();
            case FP64 -> java.util.Arrays.stream(tensor.numbers()).boxed().toList();
        };
        return new OipDtos.ResponseOutput(tensor.name(), shape, tensor.datatype().name(), data);
    }
}
