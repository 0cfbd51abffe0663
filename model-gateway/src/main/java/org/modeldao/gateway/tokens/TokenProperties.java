package org.modeldao.gateway.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a bearer token must say beyond a valid signature ({@code gateway.tokens.*}).
 *
 * @param issuer the {@code iss} the governance app writes (its public URL, {@code modeldao.tokens.issuer})
 * @param audience the {@code aud} the token must contain ({@code modeldao.tokens.audience})
 * @param chainId the {@code chain_id} the token must carry; 0 = the deployment descriptor's
 *        ({@code gateway.chain.deployment-file}), or 31337 (the dev chain) without one
 * @param revocationUrl the app's list of revoked, unexpired token ids; empty = {@code /api/tokens/revoked}
 *        on the host of {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 * @param pollInterval how often the list is asked for (If-None-Match: an unchanged list is a 304)
 * @param requestTimeout deadline of one poll, connect to last byte; a revocation takes effect within
 *        pollInterval + requestTimeout of the app publishing it
 * @param maxListBytes a larger answer is refused (the last list is kept, readiness degraded)
 */
@ConfigurationProperties("gateway.tokens")
public record TokenProperties(@DefaultValue("http://localhost:8080") String issuer, @DefaultValue("model-gateway") String audience,
        @DefaultValue("0") long chainId, @DefaultValue("") String revocationUrl, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("3s") Duration requestTimeout, @DefaultValue("8388608") int maxListBytes) {
}
