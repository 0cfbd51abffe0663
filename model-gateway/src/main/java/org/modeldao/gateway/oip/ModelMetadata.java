package org.modeldao.gateway.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A model version's metadata: its tensors and, in {@code parameters}, its state and the
 * governance behind it (REST only: the gRPC message has no parameters field).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
        List<TensorMetadata> outputs, Map<String, Object> parameters) {

    /** @param shape -1 marks a variable dimension */
    public record TensorMetadata(String name, String datatype, List<Long> shape) {}
}
