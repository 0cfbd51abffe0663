package org.modeldao.gateway.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.modeldao.gateway.approval.ApprovedVersion;

/**
 * Fetches a version's artifact and model card and compares their sha256 with the hashes the
 * DAO voted. Only a {@link Verification.Verified} result carries bytes: a mismatch never
 * hands anything on, so the engine cannot see a byte that was not voted.
 */
public final class ArtifactVerifier {

    private final ArtifactFetcher fetcher;

    public ArtifactVerifier(ArtifactFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public Verification verify(ApprovedVersion version) {
        byte[] artifact;
        byte[] card;
        try {
            artifact = fetcher.fetch(version.artifactUri());
            card = fetcher.fetch(version.cardUri());
        } catch (ArtifactFetcher.FetchFailedException e) {
            return new Verification.Unavailable(e.getMessage());
        }
        String artifactHash = sha256Hex(artifact);
        if (!artifactHash.equals(version.artifactSha256())) {
            return new Verification.Mismatch("artifact sha256 " + artifactHash + " differs from the approved "
                    + version.artifactSha256());
        }
        String cardHash = sha256Hex(card);
        if (!cardHash.equals(version.cardSha256())) {
            return new Verification.Mismatch("model card sha256 " + cardHash + " differs from the approved "
                    + version.cardSha256());
        }
        return new Verification.Verified(artifact, card, artifactHash);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
