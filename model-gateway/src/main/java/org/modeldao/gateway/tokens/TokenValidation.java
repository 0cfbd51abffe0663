package org.modeldao.gateway.tokens;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.modeldao.gateway.DeploymentChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The bearer-token decoder: an RS256 signature from the governance app's JWK set, then issuer,
 * audience, {@code chain_id} (this deployment's chain) and the revocation list. Any failure is a
 * 401 from the resource server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class TokenValidation {

    private static final Logger log = LoggerFactory.getLogger(TokenValidation.class);
    static final long DEV_CHAIN_ID = 31337;

    @Bean(initMethod = "start", destroyMethod = "close")
    RevocationFeed revocationFeed(TokenProperties properties, Clock clock,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
        URI url = properties.revocationUrl().isBlank() ? URI.create(jwkSetUri).resolve("/api/tokens/revoked") : URI.create(properties.revocationUrl());
        return new RevocationFeed(url, properties.pollInterval(), properties.requestTimeout(), properties.maxListBytes(), clock);
    }

    @Bean
    JwtDecoder jwtDecoder(TokenProperties properties, RevocationFeed revocations,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${gateway.chain.deployment-file:}") String deploymentFile) {
        long chainId = expectedChainId(properties.chainId(), deploymentFile);
        log.info("Bearer tokens must come from {} for audience '{}' on chain {}, not revoked at {}", properties.issuer(),
                properties.audience(), chainId, revocations.status().url());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(validator(properties.issuer(), properties.audience(), chainId, revocations));
        return decoder;
    }

    /** The callers of gRPC calls, verified by the same decoder as HTTP's. */
    @Bean
    TokenCallers tokenCallers(JwtDecoder jwtDecoder) {
        return new TokenCallers(jwtDecoder);
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, long chainId, RevocationFeed revocations) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<Object>("chain_id", claim -> claim instanceof Number n && n.longValue() == chainId),
                notRevoked(revocations)));
    }

    private static OAuth2TokenValidator<Jwt> notRevoked(RevocationFeed revocations) {
        return jwt -> revocations.isRevoked(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token " + jwt.getId() + " was revoked", null))
                : OAuth2TokenValidatorResult.success();
    }

    static long expectedChainId(long configured, String deploymentFile) {
        if (configured > 0) {
            return configured;
        }
        return deploymentFile == null || deploymentFile.isBlank() ? DEV_CHAIN_ID : DeploymentChain.idOf(Path.of(deploymentFile));
    }
}
