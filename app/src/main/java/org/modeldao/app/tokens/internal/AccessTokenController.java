package org.modeldao.app.tokens.internal;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.time.Instant;
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

    /** Revoked, not yet expired token ids; a gateway polls this and refuses them. */
    @GetMapping("/api/tokens/revoked")
    List<RevokedToken> revoked() {
        return tokens.revokedUnexpired().stream().map(t -> new RevokedToken(t.jti(), t.expiresAt())).toList();
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
