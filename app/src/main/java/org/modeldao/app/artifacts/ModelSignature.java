package org.modeldao.app.artifacts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an ONNX graph takes and returns, as ONNX Runtime reads it from the uploaded file: shown
 * to the proposer and written into the proposal so voters see what they approve.
 *
 * @param inputs  the graph's inputs in declaration order
 * @param outputs the graph's outputs in declaration order
 */
public record ModelSignature(List<Tensor> inputs, List<Tensor> outputs) {

    /** How many tensors per side {@link #describe()} lists before summarising the rest. */
    static final int LISTED = 16;

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * One input or output.
     *
     * @param name        as declared in the graph (control characters replaced, at most 128 characters)
     * @param elementType e.g. {@code float32}, {@code int64}, {@code string}; {@code sequence} or {@code map} for non-tensors
     * @param shape       dimensions, -1 where the graph leaves one free (e.g. the batch size); empty for a scalar or non-tensor
     */
    public record Tensor(String name, String elementType, List<Long> shape) {

        public Tensor {
            shape = List.copyOf(shape);
        }

        public String describe() {
            return name + " " + elementType + " " + shape;
        }
    }

    /** E.g. {@code inputs: input float32 [-1, 4]; outputs: output float32 [-1, 3]}. */
    public String describe() {
        return "inputs: " + list(inputs) + "; outputs: " + list(outputs);
    }

    private static String list(List<Tensor> tensors) {
        String listed = tensors.stream().limit(LISTED).map(Tensor::describe).collect(Collectors.joining(", "));
        return tensors.size() > LISTED ? listed + " and " + (tensors.size() - LISTED) + " more" : listed;
    }
}
