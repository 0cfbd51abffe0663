package org.modeldao.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.modeldao.gateway.policy.Caller;
import org.modeldao.gateway.tokens.TokenCallers;
import org.modeldao.gateway.tokens.TokenRefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller of an HTTP call: the token Spring Security verified, read by {@link TokenCallers} like gRPC's. */
final class CallerResolver {

    private CallerResolver() {}

    static Caller resolve(Authentication authentication, HttpServletRequest request) {
        Jwt jwt = authentication != null && authentication.getPrincipal() instanceof Jwt verified ? verified : null;
        return resolve(jwt, request.getRemoteAddr());
    }

    /** @param jwt the verified token, or null for an anonymous call */
    static Caller resolve(Jwt jwt, String clientAddress) {
        try {
            return TokenCallers.callerOf(jwt, clientAddress);
        } catch (TokenRefusedException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
