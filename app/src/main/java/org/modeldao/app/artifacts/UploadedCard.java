package org.modeldao.app.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * A model card file written by the training pipeline (e.g. with the input/output signature the
 * gateway serves by), stored byte for byte so its sha256 is the one the pipeline published.
 * Checked only for what the approval depends on: a JSON object that, where it names the model
 * and version, names the ones being approved.
 */
public record UploadedCard(byte[] json) {

    /** A card is a page of text, not a data set: larger files are refused before they are parsed. */
    public static final int MAX_BYTES = 1024 * 1024;

    public UploadedCard {
        json = json.clone();
    }

    public static UploadedCard of(String model, String version, byte[] json) {
        JsonNode root = check(json);
        String named = CardJson.text(root, "name");
        named = named.isEmpty() ? CardJson.text(root, "model") : named;
        if (!named.isEmpty() && !named.equals(model)) {
            throw new InvalidArtifact("The model card file describes model '" + named + "', not '" + model + "'");
        }
        String cardVersion = CardJson.text(root, "version");
        if (!cardVersion.isEmpty() && !cardVersion.equals(version)) {
            throw new InvalidArtifact("The model card file describes version " + cardVersion + ", not " + version);
        }
        return new UploadedCard(json);
    }

    /** Reads a card file within {@link #MAX_BYTES}. */
    public static UploadedCard read(String model, String version, Path file) {
        return of(model, version, readLimited(file));
    }

    /**
     * Checks that {@code json} is a card file: at most {@link #MAX_BYTES}, one JSON object, no
     * duplicate fields, and any {@code name}, {@code model} and {@code version} fields are text.
     *
     * @throws InvalidArtifact saying what is wrong and where (line, column, field)
     */
    public static JsonNode check(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw tooLarge();
        }
        JsonNode root = CardJson.readObject(json);
        CardJson.text(root, "name");
        CardJson.text(root, "model");
        CardJson.text(root, "version");
        return root;
    }

    /** {@link #check(byte[])} for a card file, read only if it is within {@link #MAX_BYTES}. */
    public static JsonNode check(Path file) {
        return check(readLimited(file));
    }

    static byte[] readLimited(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge();
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidArtifact tooLarge() {
        return new InvalidArtifact("The model card file is larger than " + MAX_BYTES / 1024 + " KiB; a card is text, not data.");
    }
}
