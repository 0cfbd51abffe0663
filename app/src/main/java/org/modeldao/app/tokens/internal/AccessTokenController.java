package org.modeldao.app.tokens.internal;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.tokens.AccessToken;
import org.modeldao.app.tokens.AccessTokenService;
import org.modeldao.app.tokens.IssuedAccessToken;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Token API. Public: the JWK set and the revocation list (ids only) the gateway polls. Signed-in
 * session: issue, list and revoke one's own tokens.
 */
@RestController
class AccessTokenController {

    private final AccessTokenService tokens;
    private final CurrentMember currentMember;
    private final JWKSet publicKeys;

    AccessTokenController(AccessTokenService tokens, CurrentMember currentMember, JWKSet accessTokenPublicKeys) {
        this.tokens = tokens;
        this.currentMember = currentMember;
        this.publicKeys = accessTokenPublicKeys;
    }

    record IssueRequest(String label, Long ttlSeconds) {
    }

    record IssueResponse(String token, String jti, Instant expiresAt) {
    }

    record RevokedToken(String jti, Instant expiresAt) {
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(publicKeys.toJSONObject(true));
    }

    /**
     * Revoked, not yet expired token ids (so the list stays bounded by the tokens' lifetime); a
     * gateway polls this with If-None-Match and refuses them. The ETag is a hash of the list, so an
     * unchanged list costs a 304 without a body.
     */
    @GetMapping("/api/tokens/revoked")
    ResponseEntity<List<RevokedToken>> revoked(WebRequest request) {
        List<RevokedToken> revoked = tokens.revokedUnexpired().stream().map(t -> new RevokedToken(t.jti(), t.expiresAt())).toList();
        String etag = etagOf(revoked);
        if (request.checkNotModified(etag)) {
            return null; // Spring answers 304 Not Modified
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(revoked);
    }

    private static String etagOf(List<RevokedToken> revoked) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (RevokedToken token : revoked) {
                sha256.update((token.jti() + "@" + token.expiresAt().getEpochSecond() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @GetMapping("/api/tokens")
    List<AccessToken> mine() {
        return tokens.tokensOf(currentMember.require());
    }

    @PostMapping(path = "/api/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    IssueResponse issue(@RequestBody IssueRequest request) {
        IssuedAccessToken issued = request.ttlSeconds() == null
                ? tokens.issue(currentMember.require(), request.label())
                : tokens.issue(currentMember.require(), request.label(), Duration.ofSeconds(request.ttlSeconds()));
        return new IssueResponse(issued.jwt(), issued.record().jti(), issued.record().expiresAt());
    }

    @DeleteMapping("/api/tokens/{jti}")
    ResponseEntity<Void> revoke(@PathVariable String jti) {
        tokens.revoke(currentMember.require(), jti);
        return ResponseEntity.noContent().build();
    }
}
