package org.modeldao.app.artifacts;

import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage: content is stored and found under its sha256, so a stored file
 * can never silently change behind a URL that a proposal already names.
 */
public interface ArtifactStore {

    /**
     * Stores the stream's bytes. With {@code expected}, refuses (and keeps nothing) unless the
     * bytes hash to it. Storing the same bytes twice is harmless.
     *
     * @throws ArtifactMismatch if the bytes do not hash to {@code expected}
     * @throws InvalidArtifact  if the content is empty or too large
     */
    StoredArtifact store(InputStream content, Optional<Sha256> expected);

    /** @throws ArtifactNotFound if nothing is stored under the hash */
    InputStream open(Sha256 hash);

    boolean contains(Sha256 hash);

    long sizeOf(Sha256 hash);
}
