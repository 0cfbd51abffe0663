package org.modeldao.gateway.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.modeldao.gateway.approval.ApprovedVersion;

/**
 * Fetches a version's artifact and model card and compares their sha256 with the hashes the
 * DAO voted. Only a {@link Verification.Verified} result carries bytes: a mismatch never
 * hands anything on, so the engine cannot see a byte that was not voted.
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

    public Verification verify(ApprovedVersion version) {
        byte[] artifact;
        byte[] card;
        try {
            artifact = fetch(version.artifactUri(), version.artifactSha256());
            card = fetch(version.cardUri(), version.cardSha256());
        } catch (ArtifactFetcher.SourceRefusedException e) {
            return new Verification.Refused(e.getMessage());
        } catch (ArtifactFetcher.FetchFailedException e) {
            return new Verification.Unavailable(e.getMessage());
        }
        // the hash actually computed is not echoed: it would tell a voter what a foreign URL holds
        if (!sha256Hex(artifact).equals(version.artifactSha256())) {
            return new Verification.Mismatch(MISMATCH_ARTIFACT + " " + version.artifactSha256() + " (at "
                    + version.artifactUri() + ")");
        }
        if (!sha256Hex(card).equals(version.cardSha256())) {
            return new Verification.Mismatch(MISMATCH_CARD + " " + version.cardSha256() + " (at " + version.cardUri() + ")");
        }
        return new Verification.Verified(artifact, card, version.artifactSha256());
    }

    /**
     * The voted URI's bytes, or when it cannot be fetched or is refused by policy, a mirror's
     * copy with the voted hash. A refusal stands (as a refusal) only if no mirror failed for a
     * reason that may pass: then fetching again cannot help until the configuration changes.
     */
    private byte[] fetch(String votedUri, String votedSha256) throws ArtifactFetcher.FetchFailedException {
        try {
            return fetcher.fetch(votedUri);
        } catch (ArtifactFetcher.TooLargeException tooLarge) {
            throw tooLarge; // a mirror holds the same bytes under the same hash: just as large
        } catch (ArtifactFetcher.FetchFailedException unreachable) {
            List<String> tried = new ArrayList<>();
            boolean onlyRefusals = unreachable instanceof ArtifactFetcher.SourceRefusedException;
            for (String mirrorUri : mirrors.locations(votedSha256)) {
                try {
                    byte[] bytes = fetcher.fetch(mirrorUri);
                    if (sha256Hex(bytes).equals(votedSha256)) {
                        return bytes;
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
