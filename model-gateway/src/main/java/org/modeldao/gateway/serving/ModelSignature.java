package org.modeldao.gateway.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inputs, outputs and class labels a version declares. ONNX Runtime through DJL does not
 * report shapes, so they come from the model card, whose hash the DAO voted.
 *
 * @param labels class names in output column order; empty for a model that is no classifier
 */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, List<String> labels) {

    /** Name of the derived output carrying each row's most probable label. */
    public static final String LABEL_OUTPUT = "label";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        labels = List.copyOf(labels);
    }

    /**
     * The signature a model card declares, or empty when it declares none at all (no
     * {@code inputs} and no {@code outputs}): the graph's own signature applies then.
     */
    public static Optional<ModelSignature> declaredIn(byte[] card) {
        JsonNode root = JSON.readTree(card);
        if (!root.has("inputs") && !root.has("outputs")) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        root.path("labels").forEach(label -> labels.add(label.asString()));
        return Optional.of(new ModelSignature(specs(root.path("inputs")), specs(root.path("outputs")), labels));
    }

    /** Outputs as clients see them: the model's own plus the derived label, for classifiers. */
    public List<TensorSpec> declaredOutputs() {
        if (labels.isEmpty()) {
            return outputs;
        }
        List<TensorSpec> all = new ArrayList<>(outputs);
        all.add(new TensorSpec(LABEL_OUTPUT, DataType.BYTES, List.of(-1L)));
        return all;
    }

    /** Whether {@code name} is one of {@link #declaredOutputs()}, without building the list. */
    public boolean declaresOutput(String name) {
        return (!labels.isEmpty() && LABEL_OUTPUT.equals(name)) || outputs.stream().anyMatch(o -> o.name().equals(name));
    }

    private static List<TensorSpec> specs(JsonNode array) {
        List<TensorSpec> specs = new ArrayList<>();
        for (JsonNode node : array) {
            List<Long> shape = new ArrayList<>();
            node.path("shape").forEach(dim -> shape.add(dim.asLong()));
            DataType type = DataType.parse(node.path("datatype").asString())
                    .orElseThrow(() -> new IllegalArgumentException("unsupported datatype in card: " + node));
            specs.add(new TensorSpec(node.path("name").asString(), type, shape));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the model card declares no inputs or outputs");
        }
        return specs;
    }
}
