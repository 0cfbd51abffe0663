package org.modeldao.gateway.verification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.modeldao.gateway.approval.ApprovedVersion;

/**
 * Fetches a version's artifact and model card and compares their sha256 with the hashes the
 * DAO voted. The artifact is hashed as it streams in, never held whole in memory; when the
 * caller wants to load it, the same stream is written to a private copy, so the copy is exactly
 * the bytes hashed. Only a {@link Verification.Verified} result leaves a copy: after a mismatch
 * the copy is deleted, so the engine cannot see a byte that was not voted.
 *
 * <p>When the voted URI cannot be fetched at all, the file is looked up by its hash on the
 * {@link ArtifactMirrors content-addressed mirrors}, and a mirror's bytes count only if their
 * hash is the voted one. Bytes the voted URI does serve are never second-guessed by a mirror:
 * a mismatch there is what the DAO must hear about, so it quarantines. Reasons name the voted
 * hash and the URI, never the hash of the bytes found there.
 */
public final class ArtifactVerifier {

    /** Beginning of the reason when the artifact's bytes are not the voted ones. */
    public static final String MISMATCH_ARTIFACT = "artifact does not match the voted sha256";
    /** Beginning of the reason when the model card's bytes are not the voted ones. */
    public static final String MISMATCH_CARD = "model card does not match the voted sha256";

    private final ArtifactFetcher fetcher;
    private final ArtifactMirrors mirrors;

    public ArtifactVerifier(ArtifactFetcher fetcher) {
        this(fetcher, ArtifactMirrors.NONE);
    }

    public ArtifactVerifier(ArtifactFetcher fetcher, ArtifactMirrors mirrors) {
        this.fetcher = fetcher;
        this.mirrors = mirrors;
    }

    /** Fetches and hashes artifact and card, keeping no copy of the artifact (re-verification of a loaded version). */
    public Verification verify(ApprovedVersion version) {
        return verify(version, null);
    }

    /**
     * Fetches and hashes artifact and card, writing the artifact's bytes to {@code copy} as they are
     * hashed. When the result is {@link Verification.Verified}, {@code copy} holds exactly the voted
     * bytes; otherwise it does not exist.
     */
    public Verification verifyInto(ApprovedVersion version, Path copy) {
        boolean verified = false;
        try {
            Verification result = verify(version, copy);
            verified = result instanceof Verification.Verified;
            return result;
        } finally {
            if (!verified) {
                deleteQuietly(copy);
            }
        }
    }

    private Verification verify(ApprovedVersion version, Path copy) {
        Fetched artifact;
        Fetched card;
        try {
            artifact = fetch(version.artifactUri(), version.artifactSha256(), uri -> streamed(uri, copy));
            card = fetch(version.cardUri(), version.cardSha256(), uri -> {
                byte[] bytes = fetcher.fetchCard(uri);
                return new Fetched(sha256Hex(bytes), bytes);
            });
        } catch (ArtifactFetcher.SourceRefusedException e) {
            return new Verification.Refused(e.getMessage());
        } catch (ArtifactFetcher.FetchFailedException e) {
            return new Verification.Unavailable(e.getMessage());
        }
        // the hash actually computed is not echoed: it would tell a voter what a foreign URL holds
        if (!artifact.sha256().equals(version.artifactSha256())) {
            return new Verification.Mismatch(MISMATCH_ARTIFACT + " " + version.artifactSha256() + " (at "
                    + version.artifactUri() + ")");
        }
        if (!card.sha256().equals(version.cardSha256())) {
            return new Verification.Mismatch(MISMATCH_CARD + " " + version.cardSha256() + " (at " + version.cardUri() + ")");
        }
        return new Verification.Verified(card.bytes(), version.artifactSha256());
    }

    /** Streams the artifact through the digest into {@code copy} (replaced on every attempt), or nowhere. */
    private Fetched streamed(String uri, Path copy) throws ArtifactFetcher.FetchFailedException {
        MessageDigest digest = sha256();
        try (OutputStream sink = copy == null ? OutputStream.nullOutputStream()
                : Files.newOutputStream(copy, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                DigestOutputStream hashed = new DigestOutputStream(sink, digest)) {
            fetcher.fetch(uri, hashed);
        } catch (IOException e) {
            throw new ArtifactFetcher.FetchFailedException("cannot write the private copy of " + uri + ": "
                    + e.getMessage(), e);
        }
        return new Fetched(hex(digest.digest()), null);
    }

    /** What one source gave: its sha256, and its bytes when small enough to keep (cards). */
    private record Fetched(String sha256, byte[] bytes) {}

    @FunctionalInterface
    private interface Download {
        Fetched from(String uri) throws ArtifactFetcher.FetchFailedException;
    }

    /**
     * The voted URI's bytes, or when it cannot be fetched or is refused by policy, a mirror's
     * copy with the voted hash. A refusal stands (as a refusal) only if no mirror failed for a
     * reason that may pass: then fetching again cannot help until the configuration changes.
     */
    private Fetched fetch(String votedUri, String votedSha256, Download download) throws ArtifactFetcher.FetchFailedException {
        try {
            return download.from(votedUri);
        } catch (ArtifactFetcher.TooLargeException tooLarge) {
            throw tooLarge; // a mirror holds the same bytes under the same hash: just as large
        } catch (ArtifactFetcher.FetchFailedException unreachable) {
            List<String> tried = new ArrayList<>();
            boolean onlyRefusals = unreachable instanceof ArtifactFetcher.SourceRefusedException;
            for (String mirrorUri : mirrors.locations(votedSha256)) {
                try {
                    Fetched fetched = download.from(mirrorUri);
                    if (fetched.sha256().equals(votedSha256)) {
                        return fetched;
                    }
                    onlyRefusals = false;
                    tried.add(mirrorUri + " does not match the voted hash");
                } catch (ArtifactFetcher.FetchFailedException mirrorFailed) {
                    onlyRefusals &= mirrorFailed instanceof ArtifactFetcher.SourceRefusedException;
                    tried.add(mirrorFailed.getMessage());
                }
            }
            if (tried.isEmpty()) {
                throw unreachable;
            }
            String message = unreachable.getMessage() + "; mirrors: " + String.join("; ", tried);
            throw onlyRefusals ? new ArtifactFetcher.SourceRefusedException(message)
                    : new ArtifactFetcher.FetchFailedException(message, unreachable);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
    }

    private static void deleteQuietly(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
        } catch (IOException ignored) {
            // the caller's private directory goes with it
        }
    }
}
