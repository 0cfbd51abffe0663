package org.modeldao.app.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refreshes the session's roles (when due) on every HTTP request: page loads, API calls, Vaadin's
 * XHR requests. Registered by Spring Boot after the security filter chain, so it sees the
 * session's authentication and what it changes is what the rest of the request sees.
 */
@Component
class SessionRolesFilter extends OncePerRequestFilter {

    private final SessionRoles roles;

    SessionRolesFilter(SessionRoles roles) {
        this.roles = roles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            // this request sees the new roles too; Spring Security's filter chain, around this one, clears the holder afterwards
            roles.refreshIfDue(session).ifPresent(SecurityContextHolder.getContextHolderStrategy()::setContext);
        }
        chain.doFilter(request, response);
    }
}
