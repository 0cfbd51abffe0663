package org.modeldao.gateway.inference;

import java.util.Arrays;
import java.util.List;
import org.modeldao.gateway.serving.ModelSignature;
import org.modeldao.gateway.serving.Tensor;
import org.modeldao.gateway.serving.TensorSpec;

/**
 * Checks a request against the model's declared inputs before anything runs. Allocation-free
 * when the request is valid: it runs on every call.
 */
final class InputValidator {

    private InputValidator() {}

    /** @return why the request is invalid, or null when it fits the signature */
    static String problemWith(ModelSignature signature, List<Tensor> inputs, List<String> requestedOutputs) {
        if (inputs.isEmpty()) {
            return "the request has no inputs";
        }
        List<TensorSpec> specs = signature.inputs();
        long batch = -1;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor input = inputs.get(i);
            // earlier inputs are known and distinct, so this scan is bounded by the signature's size
            for (int j = 0; j < i; j++) {
                if (inputs.get(j).name().equals(input.name())) {
                    return "input " + input.name() + " is given twice";
                }
            }
            TensorSpec spec = null;
            for (int j = 0; j < specs.size(); j++) { // indexed: no iterator per call
                if (specs.get(j).name().equals(input.name())) {
                    spec = specs.get(j);
                }
            }
            if (spec == null) {
                return "unknown input " + input.name() + "; the model takes "
                        + specs.stream().map(TensorSpec::name).toList();
            }
            if (spec.datatype() != input.datatype()) {
                return "input " + input.name() + " must be " + spec.datatype() + ", not " + input.datatype();
            }
            if (!spec.accepts(input.shape())) {
                return "input " + input.name() + " has shape " + Arrays.toString(input.shape())
                        + "; the model expects " + spec.shape();
            }
            long elements = elementsOf(input.shape());
            if (elements != input.length()) {
                return "input " + input.name() + " has " + input.length() + " values but its shape "
                        + Arrays.toString(input.shape()) + " needs "
                        + (elements < 0 ? "more than " + Long.MAX_VALUE : Long.toString(elements));
            }
            String value = valueProblem(input);
            if (value != null) {
                return value;
            }
            if (i > 0 && batch != input.batchSize()) {
                return "inputs disagree on the batch size";
            }
            batch = input.batchSize();
        }
        // every input is a distinct declared one: fewer inputs than declared means one is missing
        if (inputs.size() < specs.size()) {
            for (TensorSpec spec : specs) {
                if (inputs.stream().noneMatch(input -> input.name().equals(spec.name()))) {
                    return "missing input " + spec.name();
                }
            }
        }
        for (int i = 0; i < requestedOutputs.size(); i++) {
            String name = requestedOutputs.get(i);
            if (!signature.declaresOutput(name)) {
                return "unknown output " + name + "; the model gives "
                        + signature.declaredOutputs().stream().map(TensorSpec::name).toList();
            }
        }
        return null;
    }

    /**
     * The product of the dimensions, or -1 when it overflows a long (a wrapped product could match
     * any length) or a dimension is negative. Overflow is read from the high half of the product
     * rather than by dividing: a 64-bit division per dimension on every call cost more than the rest.
     */
    static long elementsOf(long[] shape) {
        long product = 1;
        for (long dim : shape) {
            if (dim < 0) {
                return -1;
            }
            long high = Math.multiplyHigh(product, dim);
            product *= dim;
            if (high != 0 || product < 0) {
                return -1;
            }
        }
        return product;
    }

    /**
     * Every value must be one the declared datatype can hold: finite, within the type's range,
     * whole for integers. Names the input and the row-major index of the first one that is not.
     */
    static String valueProblem(Tensor input) {
        double[] values = input.numbers();
        if (values == null) {
            return null;
        }
        switch (input.datatype()) {
            case FP32 -> {
                for (int i = 0; i < values.length; i++) {
                    if (!Float.isFinite((float) values[i])) {
                        return badValue(input, i, Double.isFinite(values[i])
                                ? "is outside the FP32 range (magnitude at most " + Float.MAX_VALUE + ")"
                                : "is not a finite number");
                    }
                }
            }
            case FP64 -> {
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isFinite(values[i])) {
                        return badValue(input, i, "is not a finite number");
                    }
                }
            }
            case INT32 -> {
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    if (!(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) || v != Math.rint(v)) {
                        return badValue(input, i, "is not an INT32 (a whole number in [" + Integer.MIN_VALUE + ", "
                                + Integer.MAX_VALUE + "])");
                    }
                }
            }
            case INT64 -> {
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    if (!(Math.abs(v) <= MAX_EXACT_INT64) || v != Math.rint(v)) {
                        return badValue(input, i, "is not an INT64 this gateway carries exactly (a whole number"
                                + " within ±2^53 = " + (long) MAX_EXACT_INT64 + ")");
                    }
                }
            }
            case BYTES -> { }
        }
        return null;
    }

    /** Numbers travel as doubles: integers beyond 2^53 would be rounded, so they are refused instead. */
    static final double MAX_EXACT_INT64 = 9_007_199_254_740_992d;

    private static String badValue(Tensor input, int index, String why) {
        return "input " + input.name() + " value at index " + index + " (" + input.numbers()[index] + ") " + why;
    }
}
