package org.modeldao.gateway.constraints;

import java.util.List;
import org.modeldao.gateway.serving.Tensor;

/**
 * Reads a classifier's probability output row by row: the most probable label and its
 * probability. Done in Java because the ONNX Runtime engine has no NDArray argMax.
 *
 * <p>Runs on every served call, so the rows stay arrays: the checks in this package read them
 * as they are, and the label tensor handed to the client is built on the same array (nothing
 * writes to a tensor once it exists).
 */
public final class Classification {

    private final String[] labels;
    private final double[] confidences;

    private Classification(String[] labels, double[] confidences) {
        this.labels = labels;
        this.confidences = confidences;
    }

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
        return new Classification(labels, confidences);
    }

    /** The most probable label of each row. */
    public List<String> labels() {
        return List.of(labels);
    }

    String[] labelsByRow() {
        return labels;
    }

    double[] confidencesByRow() {
        return confidences;
    }

    public Tensor asTensor(String name) {
        return Tensor.bytes(name, new long[] {labels.length}, labels);
    }
}
