package org.modeldao.gateway.policy;

import java.util.Locale;

/**
 * Who is calling. {@code address} is the lower-case 0x account from a verified token, or
 * null for an anonymous caller; {@code rateKey} identifies the caller for rate limiting
 * (the address, or the client's network address when anonymous); {@code networkKey} the
 * network address the call came from, for the per-address limit (null when not known, e.g.
 * outside HTTP).
 */
public record Caller(String address, String rateKey, String networkKey) {

    public static Caller anonymous(String remoteAddress) {
        return new Caller(null, "anon:" + remoteAddress, networkKeyOf(remoteAddress));
    }

    /** An account whose network address is not known: only the per-caller limit applies. */
    public static Caller account(String address) {
        return account(address, null);
    }

    public static Caller account(String address, String remoteAddress) {
        String normalized = address.toLowerCase(Locale.ROOT);
        return new Caller(normalized, normalized, networkKeyOf(remoteAddress));
    }

    private static String networkKeyOf(String remoteAddress) {
        return remoteAddress == null ? null : "net:" + remoteAddress;
    }

    public boolean authenticated() {
        return address != null;
    }

    /** For logs and the decision log. */
    public String describe() {
        return authenticated() ? address : rateKey;
    }
}
