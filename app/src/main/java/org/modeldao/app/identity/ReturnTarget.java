package org.modeldao.app.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page a member returns to after signing in. Only a same-origin relative path is accepted:
 * anything a browser could read as another host (//evil.com, /\evil, https://evil, their
 * percent-encoded forms) would make sign-in an open redirect, so it falls back to home.
 */
public final class ReturnTarget {

    public static final String HOME = "./";

    private ReturnTarget() {
    }

    /** The safe path to go to, or empty when the requested target is missing or could leave the site. */
    public static Optional<String> of(String requested) {
        if (requested == null || requested.isBlank() || requested.length() > 2000) {
            return Optional.empty();
        }
        String decoded = fullyDecoded(requested);
        if (decoded == null || !isLocalPath(decoded) || !isLocalPath(requested)) {
            return Optional.empty();
        }
        return Optional.of(requested);
    }

    /** The path to go to after sign-in: the requested one if it is safe, else home. */
    public static String orHome(String requested) {
        return of(requested).orElse(HOME);
    }

    private static boolean isLocalPath(String path) {
        if (!path.startsWith("/") || path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        // browsers drop tabs/newlines and treat backslashes as slashes, so any of these could smuggle a host
        return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }

    /** Decodes until stable, so double-encoded forms (%252F%252F) are judged as the browser may end up seeing them. */
    private static String fullyDecoded(String value) {
        String current = value;
        for (int round = 0; round < 5; round++) {
            String next;
            try {
                next = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return null;
    }
}
