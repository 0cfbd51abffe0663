package org.modeldao.app.artifacts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.modeldao.app.artifacts.ArtifactMismatch;
import org.modeldao.app.artifacts.ArtifactNotFound;
import org.modeldao.app.artifacts.ArtifactProperties;
import org.modeldao.app.artifacts.ArtifactStore;
import org.modeldao.app.artifacts.InvalidArtifact;
import org.modeldao.app.artifacts.Sha256;
import org.modeldao.app.artifacts.StoredArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifact store in a local folder: {@code <dir>/<sha256>}. Content is streamed into a temp
 * file in the same folder while it is hashed, and only moved under its name once the hash is
 * known (and matches what was expected), so a reader never sees a partial or wrong file.
 */
public final class LocalArtifactStore implements ArtifactStore {

    private static final Logger log = LoggerFactory.getLogger(LocalArtifactStore.class);

    private final Path directory;
    private final ArtifactProperties properties;

    public LocalArtifactStore(ArtifactProperties properties) {
        this.properties = properties;
        this.directory = properties.directory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the artifact folder " + directory, e);
        }
    }

    @Override
    public StoredArtifact store(InputStream content, Optional<Sha256> expected, Consumer<Path> check) {
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, ".upload-", ".part");
            MessageDigest digest = MessageDigestHolder.sha256();
            long size = copy(content, temp, digest);
            if (size == 0) {
                throw new InvalidArtifact("The upload is empty.");
            }
            Sha256 actual = new Sha256(HexFormat.of().formatHex(digest.digest()));
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw new ArtifactMismatch(expected.get(), actual);
            }
            check.accept(temp);
            moveIntoPlace(temp, directory.resolve(actual.hex()));
            log.info("Stored artifact {} ({} bytes)", actual, size);
            return new StoredArtifact(actual, size, properties.urlOf(actual));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the artifact", e);
        } finally {
            // gone after a move; still there after a refusal or when the content was already stored
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream open(Sha256 hash) {
        try {
            return Files.newInputStream(existing(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean contains(Sha256 hash) {
        return Files.isRegularFile(directory.resolve(hash.hex()));
    }

    @Override
    public long sizeOf(Sha256 hash) {
        try {
            return Files.size(existing(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path existing(Sha256 hash) {
        Path file = directory.resolve(hash.hex());
        if (!Files.isRegularFile(file)) {
            throw new ArtifactNotFound(hash);
        }
        return file;
    }

    private long copy(InputStream content, Path target, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                size += read;
                if (size > properties.maxSizeBytes()) {
                    throw new InvalidArtifact("The upload is larger than the " + properties.maxSizeBytes() + " bytes allowed.");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    /** Same hash = same bytes, so an existing file is already the right one. */
    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException concurrentUpload) {
            // another upload of the same bytes won the race: fine
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary upload {}", file, e);
        }
    }

    private static final class MessageDigestHolder {
        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
