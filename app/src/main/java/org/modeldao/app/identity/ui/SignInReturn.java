package org.modeldao.app.identity.ui;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Optional;
import org.modeldao.app.identity.ReturnTarget;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where sign-in leads back to: the page that sent the visitor here. Three ways to be sent: the
 * header's "Sign in" link names it ({@code ?return=}); opening a protected page anonymously is
 * answered by Spring Security with a redirect here, having saved that request in the session; a
 * click to a protected page inside the app is rerouted here by Vaadin's access control, which
 * saves the path in the session too. Whichever it is, {@link ReturnTarget} judges it: a path that
 * could leave the site leads home instead.
 */
final class SignInReturn {

    private SignInReturn() {
    }

    static String of(HttpServletRequest request) {
        Optional<String> named = ReturnTarget.of(request.getParameter("return"));
        if (named.isPresent()) {
            return named.get();
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return ReturnTarget.HOME;
        }
        return rerouted(session).or(() -> redirected(request, session)).orElse(ReturnTarget.HOME);
    }

    /** A navigation inside the app that Vaadin's access control sent here (the path is kept without its leading slash). */
    private static Optional<String> rerouted(HttpSession session) {
        if (session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT) instanceof String path) {
            session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
            session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
            // Vaadin keeps the path without its leading slash; one already there would make "//host", which is refused
            return ReturnTarget.of("/" + path).filter(SignInReturn::notSignIn);
        }
        return Optional.empty();
    }

    /** A page load Spring Security redirected here; its saved request holds the absolute URL. */
    private static Optional<String> redirected(HttpServletRequest request, HttpSession session) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, null);
        if (saved == null) {
            return Optional.empty();
        }
        // read once: a later visit to the sign-in page on its own must not send the member back there
        cache.removeRequest(request, null);
        try {
            URI url = URI.create(saved.getRedirectUrl());
            String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery().replaceAll("&?continue$", ""));
            return ReturnTarget.of(path.endsWith("?") ? path.substring(0, path.length() - 1) : path).filter(SignInReturn::notSignIn);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static boolean notSignIn(String path) {
        return !path.equals("/sign-in") && !path.startsWith("/sign-in?");
    }
}
