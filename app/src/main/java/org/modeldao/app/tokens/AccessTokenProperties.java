package org.modeldao.app.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway access tokens.
 *
 * @param issuer {@code iss} claim: the app's public URL (Spring's JWT decoders expect a URL)
 * @param audience {@code aud} claim the gateway checks
 * @param ttl default lifetime of a token
 * @param maxTtl longest lifetime anyone may ask for
 * @param signingKey path of a PKCS#8 PEM RSA private key shared by all replicas; empty = generate one at start-up
 */
@ConfigurationProperties("modeldao.tokens")
public record AccessTokenProperties(String issuer, String audience, Duration ttl, Duration maxTtl, String signingKey) {

    public AccessTokenProperties {
        issuer = issuer == null || issuer.isBlank() ? "http://localhost:8080" : issuer;
        audience = audience == null || audience.isBlank() ? "model-gateway" : audience;
        ttl = ttl == null ? Duration.ofMinutes(15) : ttl;
        maxTtl = maxTtl == null ? Duration.ofHours(24) : maxTtl;
        signingKey = signingKey == null ? "" : signingKey.trim();
        if (ttl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("modeldao.tokens.ttl (" + ttl + ") exceeds modeldao.tokens.max-ttl (" + maxTtl + ")");
        }
    }
}
