package org.modeldao.app.identity;

import static org.modeldao.app.identity.SignInRejected.Reason.WRONG_DOMAIN;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The origin a sign-in message must name. Outside the dev profile it is always the configured
 * {@code modeldao.identity.public-origin} (the app refuses to start without it): the Host and
 * X-Forwarded-* headers of a request are chosen by whoever sends it, so a phishing site could
 * otherwise post a message signed for its own domain. In the dev profile, when no origin is
 * configured, a direct request's own Host is taken, and only when it names this machine
 * (localhost, 127.0.0.0/8, [::1]) and no proxy header is present.
 */
@Component
public class SignInOrigins {

    static final String PROPERTY = "modeldao.identity.public-origin";
    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "X-Forwarded-For", "X-Forwarded-Prefix");

    private final Optional<SiteOrigin> configured;

    public SignInOrigins(IdentityProperties properties, Environment environment) {
        this.configured = configured(properties.publicOrigin(), environment.matchesProfiles("dev"));
    }

    static Optional<SiteOrigin> configured(String publicOrigin, boolean devProfile) {
        if (publicOrigin.isEmpty()) {
            if (!devProfile) {
                throw new IllegalStateException("Set " + PROPERTY + " (environment MODELDAO_IDENTITY_PUBLICORIGIN) to the origin "
                        + "members' browsers use, e.g. https://dao.example.org: outside the dev profile sign-in messages are "
                        + "checked against it, never against request headers.");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(SiteOrigin.parse(publicOrigin));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " must be an origin like https://dao.example.org, not '" + publicOrigin + "'", e);
        }
    }

    /** The origin messages must name for this request; refused when it cannot be trusted. */
    public SiteOrigin of(HttpServletRequest request) {
        return configured.orElseGet(() -> fromDirectLocalRequest(request));
    }

    private static SiteOrigin fromDirectLocalRequest(HttpServletRequest request) {
        for (String header : PROXY_HEADERS) {
            if (request.getHeader(header) != null) {
                throw new SignInRejected(WRONG_DOMAIN, "This request came through a proxy (" + header + "); set " + PROPERTY
                        + " to the origin members use.");
            }
        }
        SiteOrigin origin = SiteOrigin.of(request);
        if (!isLoopback(request.getServerName())) {
            throw new SignInRejected(WRONG_DOMAIN, "Without " + PROPERTY + " only this machine (localhost) can sign in, not "
                    + origin + "; set the property to the origin members use.");
        }
        return origin;
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}") || name.equals("[::1]") || name.equals("::1");
    }
}
