package org.modeldao.app.artifacts;

/** Content now in the store, under its own hash, reachable at {@code url}. */
public record StoredArtifact(Sha256 sha256, long sizeBytes, String url) {
}
