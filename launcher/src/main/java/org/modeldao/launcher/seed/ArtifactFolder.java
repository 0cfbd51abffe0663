package org.modeldao.launcher.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.modeldao.demomodels.DemoModel;

/**
 * The governance app's content-addressed artifact store seen from outside: one file per
 * sha256 (lower-case hex) in one folder, as the app's {@code LocalArtifactStore} lays it out.
 * The launcher puts the demo models there before the app starts, so the app serves them at
 * {@code <public base URL><sha256>} and the gateway fetches and verifies them from it.
 */
public final class ArtifactFolder {

    private final Path directory;
    private final String publicBaseUrl;

    public ArtifactFolder(Path directory, String publicBaseUrl) {
        this.directory = directory.toAbsolutePath();
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl : publicBaseUrl + "/";
    }

    public Path directory() {
        return directory;
    }

    /** Stores the model's artifact and card under their hashes; returns where the app serves them. */
    public PublishedModel publish(DemoModel model) {
        store(model.artifactSha256(), model.artifactBytes());
        store(model.cardSha256(), model.cardBytes());
        return new PublishedModel(model, urlOf(model.artifactSha256()), urlOf(model.cardSha256()));
    }

    public String urlOf(String sha256) {
        return publicBaseUrl + sha256;
    }

    private void store(String sha256, byte[] bytes) {
        Path target = directory.resolve(sha256);
        try {
            Files.createDirectories(directory);
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return; // same name = same bytes, kept from an earlier run
            }
            // temp file + atomic move, like the app's own store: a reader never sees half a file
            Path temp = Files.createTempFile(directory, ".seed-", ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the artifact " + target, e);
        }
    }

    /** A demo model version as it is published: the URLs a proposal names. */
    public record PublishedModel(DemoModel model, String artifactUri, String cardUri) {
    }
}
