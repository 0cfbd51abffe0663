package org.modeldao.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Scheme and authority the app is reached at, e.g. {@code https} + {@code dao.example.org}. A SIWE
 * message must name this authority as its domain and a URI on this origin.
 */
public record SiteOrigin(String scheme, String authority) {

    public SiteOrigin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        authority = authority.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code https://dao.example.org[:port]}. */
    public static SiteOrigin parse(String origin) {
        URI uri = URI.create(origin);
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("Not an origin (scheme://host[:port]): " + origin);
        }
        return new SiteOrigin(uri.getScheme(), uri.getRawAuthority());
    }

    /** The origin the browser used for this request (forwarded headers applied by the servlet container). */
    public static SiteOrigin of(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443) || port <= 0;
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        return new SiteOrigin(scheme, defaultPort ? host : host + ":" + port);
    }

    @Override
    public String toString() {
        return scheme + "://" + authority;
    }
}
