package org.modeldao.app.tokens;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.modeldao.app.identity.MemberRole;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.tokens.internal.AccessTokenRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Short-lived RS256 JWTs that let a signed-in account call the model gateway. Claims: {@code iss}
 * (this app's public URL), {@code aud} (the gateway), {@code sub} (the account, checksummed — the
 * only claim naming it), {@code chain_id}, {@code jti}, {@code iat}, {@code exp}, {@code roles}.
 * The gateway checks signature, issuer, audience and chain id against /.well-known/jwks.json and its
 * configuration, and polls /api/tokens/revoked for revoked ids. Only the signed-in account itself
 * may issue, list or revoke its tokens.
 */
@Service
public class AccessTokenService {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenService.class);
    private static final int MAX_LABEL_LENGTH = 100;

    private final JwtEncoder encoder;
    private final RSAKey signingKey;
    private final AccessTokenRepository tokens;
    private final AccessTokenProperties properties;
    private final Clock clock;

    public AccessTokenService(JwtEncoder encoder, RSAKey accessTokenSigningKey, AccessTokenRepository tokens,
            AccessTokenProperties properties, Clock clock) {
        this.encoder = encoder;
        this.signingKey = accessTokenSigningKey;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues a token with the default lifetime. */
    @PreAuthorize("isAuthenticated() and #member.address() == authentication.name")
    public IssuedAccessToken issue(SignedInMember member, String label) {
        return issue(member, label, properties.ttl());
    }

    @Transactional
    @PreAuthorize("isAuthenticated() and #member.address() == authentication.name")
    public IssuedAccessToken issue(SignedInMember member, String label, Duration ttl) {
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.isEmpty() || cleanLabel.length() > MAX_LABEL_LENGTH) {
            throw AccessTokenRefused.invalidRequest("Give the token a name of 1 to " + MAX_LABEL_LENGTH + " characters.");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.maxTtl()) > 0) {
            throw AccessTokenRefused.invalidRequest("A token lives between 1 second and " + properties.maxTtl() + ".");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AccessToken record = new AccessToken(UUID.randomUUID().toString(), member.address(), cleanLabel, now, now.plus(ttl), null);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(member.address())
                .issuedAt(record.issuedAt())
                .expiresAt(record.expiresAt())
                .id(record.jti())
                .claim("chain_id", member.chainId())
                .claim("roles", member.roles().stream().map(MemberRole::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).type("JWT").build();
        String jwt = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        tokens.insert(record);
        log.info("Issued token {} ('{}') to {} until {}", record.jti(), cleanLabel, member.address(), record.expiresAt());
        return new IssuedAccessToken(record, jwt);
    }

    @PreAuthorize("isAuthenticated() and #member.address() == authentication.name")
    public List<AccessToken> tokensOf(SignedInMember member) {
        return tokens.findBySubject(member.address());
    }

    /** Revokes one of the member's own tokens; revoking twice is harmless. */
    @Transactional
    @PreAuthorize("isAuthenticated() and #member.address() == authentication.name")
    public void revoke(SignedInMember member, String jti) {
        if (!tokens.exists(member.address(), jti)) {
            throw AccessTokenRefused.notFound(jti);
        }
        if (tokens.revoke(member.address(), jti, clock.instant())) {
            log.info("{} revoked token {}", member.address(), jti);
        }
    }

    /** Ids of revoked tokens that have not expired yet: what a gateway must refuse beyond signature and exp. */
    public List<AccessToken> revokedUnexpired() {
        return tokens.findRevokedUnexpired(clock.instant());
    }
}
