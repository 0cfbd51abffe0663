package org.modeldao.gateway.verification;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Content-addressed copies of approved files: base URIs under which a file is found by its
 * sha256 ({@code <base><sha256>}), such as the governance app's artifact store seen from
 * inside a container network ({@code http://app:8080/artifacts/}) when the voted URL names the
 * app's public address. Safe by construction: the hash is the file's name and is checked again
 * on arrival, so a mirror can make a voted file reachable but can never substitute another.
 */
public record ArtifactMirrors(List<String> bases) {

    public static final ArtifactMirrors NONE = new ArtifactMirrors(List.of());
    private static final Set<String> SCHEMES = Set.of("http", "https", "file");

    public ArtifactMirrors {
        bases = bases.stream().map(ArtifactMirrors::normalized).toList();
    }

    /** Where a file with this sha256 may be found, in the order to try. */
    List<String> locations(String sha256) {
        return bases.stream().map(base -> base + sha256).toList();
    }

    private static String normalized(String base) {
        URI uri;
        try {
            uri = URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifact mirror '" + base + "' is not a URI", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("artifact mirror '" + base
                    + "' must be an http(s) or file base URI without query or fragment, e.g. http://app:8080/artifacts/");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }
}
