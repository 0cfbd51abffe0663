package org.modeldao.gateway.inference;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modeldao.gateway.serving.ModelSignature;
import org.modeldao.gateway.serving.Tensor;
import org.modeldao.gateway.serving.TensorSpec;

/** Checks a request against the model's declared inputs before anything runs. */
final class InputValidator {

    private InputValidator() {}

    /** @return why the request is invalid, or empty when it fits the signature */
    static Optional<String> problemWith(ModelSignature signature, List<Tensor> inputs, List<String> requestedOutputs) {
        if (inputs.isEmpty()) {
            return Optional.of("the request has no inputs");
        }
        Set<String> seen = new HashSet<>();
        Long batch = null;
        for (Tensor input : inputs) {
            if (!seen.add(input.name())) {
                return Optional.of("input " + input.name() + " is given twice");
            }
            TensorSpec spec = null;
            for (TensorSpec candidate : signature.inputs()) {
                if (candidate.name().equals(input.name())) {
                    spec = candidate;
                }
            }
            if (spec == null) {
                return Optional.of("unknown input " + input.name() + "; the model takes "
                        + signature.inputs().stream().map(TensorSpec::name).toList());
            }
            if (spec.datatype() != input.datatype()) {
                return Optional.of("input " + input.name() + " must be " + spec.datatype() + ", not " + input.datatype());
            }
            if (!spec.accepts(input.shape())) {
                return Optional.of("input " + input.name() + " has shape " + java.util.Arrays.toString(input.shape())
                        + "; the model expects " + spec.shape());
            }
            if (input.declaredElements() != input.length()) {
                return Optional.of("input " + input.name() + " has " + input.length() + " values but its shape "
                        + java.util.Arrays.toString(input.shape()) + " needs " + input.declaredElements());
            }
            if (batch != null && batch != input.batchSize()) {
                return Optional.of("inputs disagree on the batch size");
            }
            batch = input.batchSize();
        }
        for (TensorSpec spec : signature.inputs()) {
            if (!seen.contains(spec.name())) {
                return Optional.of("missing input " + spec.name());
            }
        }
        for (String name : requestedOutputs) {
            if (!signature.declaresOutput(name)) {
                return Optional.of("unknown output " + name + "; the model gives "
                        + signature.declaredOutputs().stream().map(TensorSpec::name).toList());
            }
        }
        return Optional.empty();
    }
}
