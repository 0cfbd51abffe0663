package org.modeldao.gateway.serving;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Moves tensors between Java arrays and the engine. NDArrays live in the per-call context
 * manager, which DJL closes after each prediction, so no native memory outlives a call.
 * Arithmetic stays in Java: the ONNX Runtime engine alone implements no NDArray math.
 */
final class TensorTranslator implements Translator<List<Tensor>, List<Tensor>> {

    private final ModelSignature signature;
    /**
     * Each input's last shape: DJL builds a {@link Shape} through two streams, which the
     * gateway-vs-limit profile found at 2 % of a call; a caller's shape rarely changes between calls.
     */
    private final AtomicReferenceArray<Shape> lastInputShapes;

    TensorTranslator(ModelSignature signature) {
        this.signature = signature;
        this.lastInputShapes = new AtomicReferenceArray<>(signature.inputs().size());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
        NDManager manager = ctx.getNDManager();
        NDList list = new NDList(signature.inputs().size());
        for (int i = 0; i < signature.inputs().size(); i++) {
            TensorSpec spec = signature.inputs().get(i);
            Tensor tensor = named(inputs, spec.name()); // a scan of a few inputs, no map and stream per call
            NDArray array = toArray(manager, spec.datatype(), tensor, shapeOf(i, tensor.shape()));
            array.setName(spec.name());
            list.add(array);
        }
        return list;
    }

    /** The input's last shape when {@code dims} are its dimensions, else a new one, kept as the last. */
    private Shape shapeOf(int input, long[] dims) {
        Shape last = lastInputShapes.get(input);
        if (last != null && Arrays.equals(last.getShape(), dims)) {
            return last;
        }
        Shape shape = new Shape(dims.clone()); // DJL keeps the array it is given: a copy nobody else holds
        lastInputShapes.set(input, shape);
        return shape;
    }

    private static Tensor named(List<Tensor> inputs, String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(name)) {
                return inputs.get(i);
            }
        }
        return null;
    }

    @Override
    public List<Tensor> processOutput(TranslatorContext ctx, NDList list) {
        List<Tensor> outputs = new ArrayList<>();
        for (int i = 0; i < list.size() && i < signature.outputs().size(); i++) {
            TensorSpec spec = signature.outputs().get(i);
            NDArray array = list.get(i);
            outputs.add(Tensor.numeric(spec.name(), spec.datatype(), array.getShape().getShape(), toDoubles(array)));
        }
        return outputs;
    }

    /** Batching is the client's: each request's first dimension is its batch. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    private static NDArray toArray(NDManager manager, DataType type, Tensor tensor, Shape shape) {
        double[] values = tensor.numbers();
        return switch (type) {
            case FP32 -> {
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) values[i];
                }
                yield manager.create(floats, shape);
            }
            case FP64 -> manager.create(values, shape);
            case INT32 -> manager.create(Arrays.stream(values).mapToInt(v -> (int) v).toArray(), shape);
            case INT64 -> manager.create(Arrays.stream(values).mapToLong(v -> (long) v).toArray(), shape);
            case BYTES -> throw new IllegalArgumentException("BYTES inputs are not supported by this gateway");
        };
    }

    private static double[] toDoubles(NDArray array) {
        return switch (array.getDataType()) {
            case FLOAT32 -> {
                float[] floats = array.toFloatArray();
                double[] doubles = new double[floats.length];
                for (int i = 0; i < floats.length; i++) {
                    doubles[i] = floats[i];
                }
                yield doubles;
            }
            case FLOAT64 -> array.toDoubleArray();
            case INT64 -> Arrays.stream(array.toLongArray()).asDoubleStream().toArray();
            case INT32 -> Arrays.stream(array.toIntArray()).asDoubleStream().toArray();
            default -> throw new IllegalStateException("unsupported output type " + array.getDataType());
        };
    }
}
