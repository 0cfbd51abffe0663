package org.modeldao.gateway.api;

import java.util.List;
import java.util.Map;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.inference.InferenceOutcome;
import org.modeldao.gateway.policy.Caller;
import org.springframework.http.ResponseEntity;

/**
 * The OIP v2 infer call between its JSON shapes and the core, in one place for both HTTP ways in
 * ({@link InferEndpoint}, the lean path every plain JSON call takes, and {@link OipController}).
 */
final class InferTranslation {

    private InferTranslation() {}

    static InferenceCall call(String model, String version, OipDtos.InferRequest body, Caller caller) {
        if (body == null || body.inputs() == null) {
            throw new BadRequestException("the request needs an 'inputs' array");
        }
        return new InferenceCall(model, version, body.id(), caller,
                body.inputs().stream().map(TensorCodec::decode).toList(),
                requestedOutputs(body.outputs()),
                purposeOf(body.parameters()));
    }

    /** @param requestId the request's {@code id}, repeated in a served answer (null: none) */
    static ResponseEntity<Object> answer(InferenceOutcome outcome, String requestId, ProvenanceJson provenance) {
        if (outcome instanceof InferenceOutcome.Served served) {
            return ResponseEntity.ok(new OipDtos.InferResponse(served.version().model(), served.version().version(),
                    requestId, provenance.of(served.version()),
                    served.outputs().stream().map(TensorCodec::encode).toList()));
        }
        return Responses.failure(outcome);
    }

    private static List<String> requestedOutputs(List<OipDtos.RequestOutput> outputs) {
        if (outputs == null) {
            return List.of();
        }
        for (OipDtos.RequestOutput output : outputs) {
            if (output == null || output.name() == null) {
                throw new BadRequestException("every requested output needs a name");
            }
        }
        return outputs.stream().map(OipDtos.RequestOutput::name).toList();
    }

    private static String purposeOf(Map<String, Object> parameters) {
        Object purpose = parameters == null ? null : parameters.get("purpose");
        return purpose == null ? null : purpose.toString();
    }
}
