package org.modeldao.gateway.constraints;

import java.util.List;
import org.modeldao.gateway.serving.Tensor;

/**
 * Reads a classifier's probability output row by row: the most probable label and its
 * probability. Done in Java because the ONNX Runtime engine has no NDArray argMax.
 */
public record Classification(List<String> labels, double[] confidences) {

    public static Classification of(Tensor probabilities, List<String> labelNames) {
        int classes = labelNames.size();
        double[] values = probabilities.numbers();
        int rows = classes == 0 ? 0 : values.length / classes;
        String[] labels = new String[rows];
        double[] confidences = new double[rows];
        for (int row = 0; row < rows; row++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (values[row * classes + c] > values[row * classes + best]) {
                    best = c;
                }
            }
            labels[row] = labelNames.get(best);
            confidences[row] = values[row * classes + best];
        }
        return new Classification(List.of(labels), confidences);
    }

    public Tensor asTensor(String name) {
        return Tensor.bytes(name, new long[] {labels.size()}, labels.toArray(String[]::new));
    }
}
