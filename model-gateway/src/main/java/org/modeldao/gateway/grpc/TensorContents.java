package org.modeldao.gateway.grpc;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.gateway.grpc.v2.InferTensorContents;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;
import org.modeldao.gateway.oip.InputHeader;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;

/**
 * Converts OIP gRPC tensors to and from the core's {@link Tensor}: typed {@code contents} (the
 * field of the tensor's datatype only) or {@code raw_input_contents} (row-major, little-endian,
 * one entry per input, as the specification says). Malformed tensors throw
 * {@link InputHeader.Malformed}; the values' checks against the model follow in the core.
 */
final class TensorContents {

    private TensorContents() {}

    static List<Tensor> inputs(ModelInferRequest request) {
        int raw = request.getRawInputContentsCount();
        if (raw > 0 && raw != request.getInputsCount()) {
            throw new InputHeader.Malformed("raw_input_contents has " + raw + " entries for " + request.getInputsCount()
                    + " inputs: it needs one per input, in order");
        }
        List<Tensor> tensors = new ArrayList<>(request.getInputsCount());
        for (int i = 0; i < request.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor input = request.getInputs(i);
            DataType type = InputHeader.numericType(input.getName(), input.getDatatype());
            long[] shape = InputHeader.shape(input.getName(), input.getShapeList());
            double[] values;
            if (raw > 0) {
                if (input.hasContents()) {
                    throw new InputHeader.Malformed("input " + input.getName()
                            + " has contents while the request uses raw_input_contents: use one or the other");
                }
                values = fromRaw(input.getName(), type, request.getRawInputContents(i));
            } else {
                values = fromTyped(input.getName(), type, input.getContents());
            }
            tensors.add(Tensor.numeric(input.getName(), type, shape, values));
        }
        return tensors;
    }

    private static double[] fromTyped(String name, DataType type, InferTensorContents contents) {
        int all = contents.getBoolContentsCount() + contents.getIntContentsCount() + contents.getInt64ContentsCount()
                + contents.getUintContentsCount() + contents.getUint64ContentsCount() + contents.getFp32ContentsCount()
                + contents.getFp64ContentsCount() + contents.getBytesContentsCount();
        double[] values = switch (type) {
            case FP32 -> {
                double[] v = new double[contents.getFp32ContentsCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = contents.getFp32Contents(i);
                }
                yield v;
            }
            case FP64 -> contents.getFp64ContentsList().stream().mapToDouble(Double::doubleValue).toArray();
            case INT32 -> contents.getIntContentsList().stream().mapToDouble(Integer::doubleValue).toArray();
            case INT64 -> {
                double[] v = new double[contents.getInt64ContentsCount()];
                for (int i = 0; i < v.length; i++) {
                    InputHeader.checkExactInteger(name, contents.getInt64Contents(i), i);
                    v[i] = contents.getInt64Contents(i);
                }
                yield v;
            }
            case BYTES -> throw new IllegalArgumentException("BYTES is refused by InputHeader");
        };
        if (values.length != all) {
            throw new InputHeader.Malformed("input " + name + " is " + type + ": its values belong in "
                    + typedField(type) + " and no other contents field");
        }
        return values;
    }

    private static double[] fromRaw(String name, DataType type, ByteString bytes) {
        int size = type == DataType.FP32 || type == DataType.INT32 ? 4 : 8;
        if (bytes.size() % size != 0) {
            throw new InputHeader.Malformed("raw_input_contents of input " + name + " holds " + bytes.size()
                    + " bytes, not a whole number of " + type + " values (" + size + " bytes each)");
        }
        ByteBuffer buffer = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[bytes.size() / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (type) {
                case FP32 -> buffer.getFloat();
                case FP64 -> buffer.getDouble();
                case INT32 -> buffer.getInt();
                case INT64 -> {
                    long value = buffer.getLong();
                    InputHeader.checkExactInteger(name, value, i);
                    yield value;
                }
                case BYTES -> throw new IllegalArgumentException("BYTES is refused by InputHeader");
            };
        }
        return values;
    }

    private static String typedField(DataType type) {
        return switch (type) {
            case FP32 -> "fp32_contents";
            case FP64 -> "fp64_contents";
            case INT32 -> "int_contents";
            case INT64 -> "int64_contents";
            case BYTES -> "bytes_contents";
        };
    }

    /** The output's header; its values go in {@link #typed} or {@link #raw}. */
    static ModelInferResponse.InferOutputTensor.Builder header(Tensor tensor) {
        ModelInferResponse.InferOutputTensor.Builder output = ModelInferResponse.InferOutputTensor.newBuilder()
                .setName(tensor.name()).setDatatype(tensor.datatype().name());
        for (long dim : tensor.shape()) {
            output.addShape(dim);
        }
        return output;
    }

    static InferTensorContents typed(Tensor tensor) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        switch (tensor.datatype()) {
            case FP32 -> {
                for (double v : tensor.numbers()) {
                    contents.addFp32Contents((float) v);
                }
            }
            case FP64 -> {
                for (double v : tensor.numbers()) {
                    contents.addFp64Contents(v);
                }
            }
            case INT32 -> {
                for (double v : tensor.numbers()) {
                    contents.addIntContents((int) v);
                }
            }
            case INT64 -> {
                for (double v : tensor.numbers()) {
                    contents.addInt64Contents((long) v);
                }
            }
            case BYTES -> {
                for (String s : tensor.strings()) {
                    contents.addBytesContents(ByteString.copyFromUtf8(s));
                }
            }
        }
        return contents.build();
    }

    /** Little-endian, row-major; BYTES elements each prefixed by their 4-byte little-endian length. */
    static ByteString raw(Tensor tensor) {
        if (tensor.datatype() == DataType.BYTES) {
            List<byte[]> elements = new ArrayList<>(tensor.strings().length);
            int total = 0;
            for (String s : tensor.strings()) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                elements.add(utf8);
                total += 4 + utf8.length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            for (byte[] element : elements) {
                buffer.putInt(element.length).put(element);
            }
            return ByteString.copyFrom(buffer.flip());
        }
        int size = tensor.datatype() == DataType.FP32 || tensor.datatype() == DataType.INT32 ? 4 : 8;
        ByteBuffer buffer = ByteBuffer.allocate(tensor.numbers().length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : tensor.numbers()) {
            switch (tensor.datatype()) {
                case FP32 -> buffer.putFloat((float) v);
                case FP64 -> buffer.putDouble(v);
                case INT32 -> buffer.putInt((int) v);
                case INT64 -> buffer.putLong((long) v);
                case BYTES -> throw new IllegalStateException("handled above");
            }
        }
        return ByteString.copyFrom(buffer.flip());
    }
}
