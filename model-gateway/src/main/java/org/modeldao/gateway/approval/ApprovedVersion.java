package org.modeldao.gateway.approval;

import java.util.Locale;

/**
 * A model version as the registry records it. Hashes are lower-case hex without 0x.
 *
 * @param revocationReason empty while the version is approved
 */
public record ApprovedVersion(
        String model,
        String version,
        String artifactSha256,
        String artifactUri,
        String cardSha256,
        String cardUri,
        String format,
        Approval approval,
        boolean revoked,
        String revocationReason,
        Approval revocation) {

    public ApprovedVersion {
        artifactSha256 = artifactSha256.toLowerCase(Locale.ROOT);
        cardSha256 = cardSha256.toLowerCase(Locale.ROOT);
    }

    public static ApprovedVersion approved(String model, String version, String artifactSha256, String artifactUri,
            String cardSha256, String cardUri, String format, Approval approval) {
        return new ApprovedVersion(model, version, artifactSha256, artifactUri, cardSha256, cardUri, format, approval,
                false, "", Approval.NONE);
    }

    public ApprovedVersion revokedBecause(String reason, Approval by) {
        return new ApprovedVersion(model, version, artifactSha256, artifactUri, cardSha256, cardUri, format, approval,
                true, reason, by);
    }

    public VersionKey key() {
        return new VersionKey(model, version);
    }
}
