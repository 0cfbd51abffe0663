package org.modeldao.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/** Open Inference Protocol v2 REST shapes (kserve/open-inference-protocol); metadata and readiness are {@code oip}'s. */
final class OipDtos {

    private OipDtos() {}

    record ServerMetadata(String name, String version, List<String> extensions) {}

    record Live(boolean live) {}

    record ModelReady(String name, boolean ready) {}

    record RequestInput(String name, List<Long> shape, String datatype, Map<String, Object> parameters, JsonNode data) {}

    record RequestOutput(String name, Map<String, Object> parameters) {}

    record InferRequest(String id, Map<String, Object> parameters, List<RequestInput> inputs,
            List<RequestOutput> outputs) {}

    /** {@code shape} and {@code data} are primitive arrays (written as JSON arrays). */
    record ResponseOutput(String name, long[] shape, String datatype, Object data) {}

    /** @param parameters the provenance: a JSON object, written once per version ({@link ProvenanceJson}) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(@JsonProperty("model_name") String modelName,
            @JsonProperty("model_version") String modelVersion, String id,
            @Schema(implementation = Map.class) RawValue parameters, List<ResponseOutput> outputs) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String error, Map<String, Object> parameters) {
        ErrorBody(String error) {
            this(error, null);
        }
    }
}
