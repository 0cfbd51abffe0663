package org.modeldao.app.artifacts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model card file written by the training pipeline (e.g. with the input/output signature the
 * gateway serves by), stored byte for byte so its sha256 is the one the pipeline published.
 * Checked only for what the approval depends on: a JSON object that, where it names the model
 * and version, names the ones being approved.
 */
public record UploadedCard(byte[] json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public UploadedCard {
        json = json.clone();
    }

    public static UploadedCard of(String model, String version, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidArtifact("The model card file is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArtifact("The model card file must be a JSON object");
        }
        String named = root.path("name").asString(root.path("model").asString(""));
        if (!named.isEmpty() && !named.equals(model)) {
            throw new InvalidArtifact("The model card file describes model '" + named + "', not '" + model + "'");
        }
        String cardVersion = root.path("version").asString("");
        if (!cardVersion.isEmpty() && !cardVersion.equals(version)) {
            throw new InvalidArtifact("The model card file describes version " + cardVersion + ", not " + version);
        }
        return new UploadedCard(json);
    }
}
