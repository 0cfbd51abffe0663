package org.modeldao.gateway.inference;

import java.util.List;
import org.modeldao.gateway.policy.Caller;
import org.modeldao.gateway.serving.Tensor;

/**
 * One inference request, transport-neutral.
 *
 * @param version null for the DAO's current version
 * @param requestedOutputs output names the caller asked for; empty for all
 * @param purpose the purpose the caller declared (request parameter), or null
 */
public record InferenceCall(String model, String version, String requestId, Caller caller, List<Tensor> inputs,
        List<String> requestedOutputs, String purpose) {

    public InferenceCall {
        inputs = List.copyOf(inputs);
        requestedOutputs = List.copyOf(requestedOutputs);
    }
}
