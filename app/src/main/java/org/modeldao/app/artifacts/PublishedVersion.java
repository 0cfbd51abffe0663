package org.modeldao.app.artifacts;

/**
 * A model version whose artifact and card are stored, each under its sha256: what an approval
 * proposal names (the proposals feature turns it into its approval action).
 *
 * @param artifactSha256 {@code 0x}-prefixed hex
 * @param cardSha256     {@code 0x}-prefixed hex
 */
public record PublishedVersion(String model, String version, String artifactSha256, String artifactUri, String cardSha256,
        String cardUri, String format) {
}
