package org.modeldao.gateway.verification;

/** Outcome of checking one version's artifact and card against the voted hashes. */
public sealed interface Verification {

    /**
     * Both hashes match. The artifact is in the copy the caller asked for, if any (see
     * {@link ArtifactVerifier#verifyInto}); the card, small, is here.
     */
    record Verified(byte[] card, String artifactSha256) implements Verification {}

    /** A hash differs: the version is quarantined and never served. */
    record Mismatch(String reason) implements Verification {}

    /** The bytes could not be fetched (network, missing file): retried, not quarantined. */
    record Unavailable(String reason) implements Verification {}

    /**
     * This gateway will not fetch the source as configured ({@link SourcePolicy}, size limit):
     * quarantined, and not fetched again until the configuration changes.
     */
    record Refused(String reason) implements Verification {}
}
