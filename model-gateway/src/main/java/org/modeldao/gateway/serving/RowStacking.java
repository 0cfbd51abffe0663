package org.modeldao.gateway.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stacks the inputs of several calls along the first (batch) dimension into one engine run, and
 * cuts the run's outputs back into each call's rows. Only for a signature whose every input and
 * output has a free first dimension: then row i of an output belongs to row i of the inputs.
 */
final class RowStacking {

    private RowStacking() {}

    /** Whether calls to a version with this signature can share a run. */
    static boolean stackable(ModelSignature signature) {
        return signature.inputs().stream().allMatch(RowStacking::freeFirstDimension)
                && signature.outputs().stream().allMatch(RowStacking::freeFirstDimension);
    }

    private static boolean freeFirstDimension(TensorSpec spec) {
        return !spec.shape().isEmpty() && spec.shape().getFirst() == -1;
    }

    /**
     * One tensor per declared input holding every call's rows in order, or null when the calls do
     * not fit together (an input missing, another datatype or other dimensions after the first):
     * then each runs alone.
     */
    static List<Tensor> stack(ModelSignature signature, List<List<Tensor>> calls) {
        List<Tensor> stacked = new ArrayList<>(signature.inputs().size());
        for (TensorSpec spec : signature.inputs()) {
            Tensor first = named(calls.getFirst(), spec.name());
            if (first == null || first.numbers() == null || first.shape().length == 0) {
                return null;
            }
            long rows = 0;
            int values = 0;
            for (List<Tensor> call : calls) {
                Tensor t = named(call, spec.name());
                if (t == null || t.numbers() == null || t.datatype() != first.datatype()
                        || !sameAfterFirst(t.shape(), first.shape())) {
                    return null;
                }
                rows += t.shape()[0];
                values += t.numbers().length;
            }
            double[] all = new double[values];
            int at = 0;
            for (List<Tensor> call : calls) {
                double[] part = named(call, spec.name()).numbers();
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            long[] shape = first.shape().clone();
            shape[0] = rows;
            stacked.add(Tensor.numeric(spec.name(), first.datatype(), shape, all));
        }
        return stacked;
    }

    /**
     * Each call's share of a stacked run's outputs, in call order, or null when an output does not
     * have one row per stacked input row (the rows would not be the calls'): then each runs alone.
     */
    static List<List<Tensor>> split(List<Tensor> outputs, long[] rowsPerCall) {
        long total = 0;
        for (long rows : rowsPerCall) {
            total += rows;
        }
        if (total <= 0) {
            return null;
        }
        for (Tensor output : outputs) {
            if (output.numbers() == null || output.shape().length == 0 || output.shape()[0] != total
                    || output.numbers().length % total != 0) {
                return null;
            }
        }
        List<List<Tensor>> shares = new ArrayList<>(rowsPerCall.length);
        long row = 0;
        for (long rows : rowsPerCall) {
            List<Tensor> share = new ArrayList<>(outputs.size());
            for (Tensor output : outputs) {
                int perRow = (int) (output.numbers().length / total);
                long[] shape = output.shape().clone();
                shape[0] = rows;
                share.add(Tensor.numeric(output.name(), output.datatype(), shape,
                        Arrays.copyOfRange(output.numbers(), (int) (row * perRow), (int) ((row + rows) * perRow))));
            }
            shares.add(share);
            row += rows;
        }
        return shares;
    }

    private static Tensor named(List<Tensor> tensors, String name) {
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).name().equals(name)) {
                return tensors.get(i);
            }
        }
        return null;
    }

    private static boolean sameAfterFirst(long[] a, long[] b) {
        return a.length == b.length && Arrays.equals(a, 1, a.length, b, 1, b.length);
    }
}
