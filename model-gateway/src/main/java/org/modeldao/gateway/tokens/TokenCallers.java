package org.modeldao.gateway.tokens;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modeldao.gateway.policy.Caller;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who a bearer token names, whatever carried it: over HTTP Spring Security's resource server
 * has verified it already ({@link #callerOf(Jwt, String)}); over gRPC the {@code authorization}
 * metadata is verified here by the same decoder ({@link #callerOf(String, String)}). The
 * governance app puts the signed-in account in {@code sub} (checksummed address), the only
 * claim that names it.
 */
public final class TokenCallers {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    /** RFC 6750's b64token, as Spring Security's bearer-token resolver reads the HTTP header. */
    private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

    private final JwtDecoder decoder;

    public TokenCallers(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * @param jwt a verified token, or null for an anonymous call
     * @throws TokenRefusedException (no account) when the token's subject is not an address
     */
    public static Caller callerOf(Jwt jwt, String remoteAddress) {
        if (jwt == null) {
            return Caller.anonymous(remoteAddress);
        }
        String address = jwt.getSubject();
        if (address != null && ADDRESS.matcher(address).matches()) {
            return Caller.account(address, remoteAddress);
        }
        throw new TokenRefusedException(TokenRefusedException.Kind.NO_ACCOUNT, "the bearer token names no account address");
    }

    /**
     * @param authorization the {@code authorization} value ("Bearer …"), or null; like the HTTP
     *        header, a value of another scheme is no bearer token and the call is anonymous
     * @throws TokenRefusedException when the token is malformed, does not verify, names no
     *         account, or cannot be verified now (the key set is unreachable)
     */
    public Caller callerOf(String authorization, String remoteAddress) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return Caller.anonymous(remoteAddress);
        }
        Matcher bearer = BEARER.matcher(authorization);
        if (!bearer.matches()) {
            throw invalid("Bearer token is malformed");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(bearer.group("token"));
        } catch (BadJwtException e) {
            throw invalid(e.getMessage());
        } catch (JwtException e) {
            throw new TokenRefusedException(TokenRefusedException.Kind.UNVERIFIABLE,
                    "the bearer token cannot be verified now: " + e.getMessage());
        }
        return callerOf(jwt, remoteAddress);
    }

    /** The one wording of a refused token, HTTP's 401 body and gRPC's UNAUTHENTICATED alike. */
    public static String invalidTokenMessage(String detail) {
        return "invalid bearer token: " + (detail == null ? "invalid bearer token" : detail.replace("\"", "'"));
    }

    private static TokenRefusedException invalid(String detail) {
        return new TokenRefusedException(TokenRefusedException.Kind.INVALID, invalidTokenMessage(detail));
    }
}
