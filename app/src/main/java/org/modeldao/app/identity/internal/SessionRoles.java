package org.modeldao.app.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.identity.IdentityProperties;
import org.modeldao.app.identity.SignInService;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.identity.SiweAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps a session's roles in step with the chain. Roles are derived from voting power, which
 * moves whenever someone delegates: a session re-reads its member's power at most once per
 * {@code modeldao.identity.role-refresh-interval} and, if the roles or votes changed, replaces
 * the authentication stored in the HTTP session — so a member who is delegated votes becomes
 * MEMBER/PROPOSER without signing in again, and one whose votes go loses those roles.
 */
@Component
class SessionRoles {

    private static final Logger log = LoggerFactory.getLogger(SessionRoles.class);
    private static final String CHECKED_AT = SessionRoles.class.getName() + ".checkedAt";
    private static final String SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final SignInService signIn;
    private final IdentityProperties properties;
    private final Clock clock;
    private final boolean daoConfigured;

    SessionRoles(SignInService signIn, IdentityProperties properties, ChainDeployment chain, Clock clock) {
        this.signIn = signIn;
        this.properties = properties;
        this.clock = clock;
        this.daoConfigured = chain.contracts().isPresent();
    }

    /** @return the session's new security context when the roles or votes changed (already stored in the session) */
    Optional<SecurityContext> refreshIfDue(HttpSession session) {
        // without a DAO deployment no voting power exists that could change: roles stay as signed in
        if (!daoConfigured || !(session.getAttribute(SECURITY_CONTEXT) instanceof SecurityContext stored)
                || !(stored.getAuthentication() instanceof SiweAuthentication signedIn)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.getAttribute(CHECKED_AT) instanceof Instant checked && checked.plus(properties.roleRefreshInterval()).isAfter(now)) {
            return Optional.empty();
        }
        session.setAttribute(CHECKED_AT, now);
        SignedInMember before = signedIn.getPrincipal();
        SignedInMember current = reread(before);
        if (current.equals(before)) {
            return Optional.empty();
        }
        SecurityContext updated = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        updated.setAuthentication(new SiweAuthentication(current));
        session.setAttribute(SECURITY_CONTEXT, updated);
        log.info("{}: roles {} -> {} (voting power changed on-chain)", before.address(), before.roles(), current.roles());
        return Optional.of(updated);
    }

    private SignedInMember reread(SignedInMember member) {
        try {
            return signIn.reread(member);
        } catch (ChainUnavailable e) {
            // keep what the session has; the next request after the interval tries again
            log.debug("Could not re-read the roles of {}: {}", member.address(), e.getMessage());
            return member;
        }
    }
}
