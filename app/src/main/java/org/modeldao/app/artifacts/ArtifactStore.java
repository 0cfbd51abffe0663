package org.modeldao.app.artifacts;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

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
    default StoredArtifact store(InputStream content, Optional<Sha256> expected) {
        return store(content, expected, received -> { });
    }

    /**
     * Like {@link #store(InputStream, Optional)}, and hands the received bytes (a complete file,
     * within the size limit, matching {@code expected}) to {@code check} before they are kept:
     * whatever the check throws refuses the upload and nothing is stored.
     */
    StoredArtifact store(InputStream content, Optional<Sha256> expected, Consumer<Path> check);

    /** @throws ArtifactNotFound if nothing is stored under the hash */
    InputStream open(Sha256 hash);

    boolean contains(Sha256 hash);

    long sizeOf(Sha256 hash);
}
