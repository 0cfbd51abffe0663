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
            for (TensorSpec candidate : specs) {
                if (candidate.name().equals(input.name())) {
                    spec = candidate;
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
            if (input.declaredElements() != input.length()) {
                return "input " + input.name() + " has " + input.length() + " values but its shape "
                        + Arrays.toString(input.shape()) + " needs " + input.declaredElements();
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
        for (String name : requestedOutputs) {
            if (!signature.declaresOutput(name)) {
                return "unknown output " + name + "; the model gives "
                        + signature.declaredOutputs().stream().map(TensorSpec::name).toList();
            }
        }
        return null;
    }
}
