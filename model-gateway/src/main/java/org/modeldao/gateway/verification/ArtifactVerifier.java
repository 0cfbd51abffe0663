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
 * a mismatch there is what the DAO must hear about, so it quarantines.
 */
public final class ArtifactVerifier {

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

    private byte[] fetch(String votedUri, String votedSha256) throws ArtifactFetcher.FetchFailedException {
        try {
            return fetcher.fetch(votedUri);
        } catch (ArtifactFetcher.FetchFailedException unreachable) {
            List<String> tried = new ArrayList<>();
            for (String mirrorUri : mirrors.locations(votedSha256)) {
                try {
                    byte[] bytes = fetcher.fetch(mirrorUri);
                    String hash = sha256Hex(bytes);
                    if (hash.equals(votedSha256)) {
                        return bytes;
                    }
                    tried.add(mirrorUri + " served sha256 " + hash);
                } catch (ArtifactFetcher.FetchFailedException mirrorFailed) {
                    tried.add(mirrorFailed.getMessage());
                }
            }
            if (tried.isEmpty()) {
                throw unreachable;
            }
            throw new ArtifactFetcher.FetchFailedException(unreachable.getMessage() + "; mirrors: " + String.join("; ", tried),
                    unreachable);
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
