package org.modeldao.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.modeldao.gateway.policy.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who the verified bearer token names: the governance app puts the signed-in account in
 * {@code sub} (checksummed address), the only claim that names it.
 */
final class CallerResolver {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private CallerResolver() {}

    static Caller resolve(Authentication authentication, HttpServletRequest request) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            String address = jwt.getSubject();
            if (address != null && ADDRESS.matcher(address).matches()) {
                return Caller.account(address, request.getRemoteAddr());
            }
            throw new BadRequestException("the bearer token names no account address");
        }
        return Caller.anonymous(request.getRemoteAddr());
    }
}
