package org.modeldao.app.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What members read before approving a version (after Mitchell et al., "Model Cards for Model
 * Reporting"). Stored as canonical JSON, so the same card always has the same sha256.
 */
public record ModelCard(String model, String version, String summary, String intendedUse, String limitations,
        String trainingData, String metrics, String license) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ModelCard {
        model = required("Model name", model);
        version = required("Version", version);
        summary = required("Summary", summary);
        intendedUse = required("Intended use", intendedUse);
        limitations = required("Limitations", limitations);
        trainingData = optional(trainingData);
        metrics = optional(metrics);
        license = required("License", license);
    }

    /** Fixed field order, no whitespace: byte-identical for identical cards. */
    public byte[] canonicalJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model", model);
        fields.put("version", version);
        fields.put("summary", summary);
        fields.put("intendedUse", intendedUse);
        fields.put("limitations", limitations);
        fields.put("trainingData", trainingData);
        fields.put("metrics", metrics);
        fields.put("license", license);
        return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
    }

    public static ModelCard parse(byte[] json) {
        return JSON.readValue(json, ModelCard.class);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidArtifact("The model card needs: " + field);
        }
        return value.strip();
    }

    private static String optional(String value) {
        return value == null ? "" : value.strip();
    }
}
