package org.modeldao.app.tokens;

import java.time.Instant;

/**
 * What the app remembers of an issued token (never the token itself).
 *
 * @param jti token id ({@code jti} claim)
 * @param subject checksummed address ({@code sub} claim)
 * @param label the holder's own name for it
 * @param issuedAt issue time
 * @param expiresAt {@code exp}
 * @param revokedAt when it was revoked, or null
 */
public record AccessToken(String jti, String subject, String label, Instant issuedAt, Instant expiresAt, Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
