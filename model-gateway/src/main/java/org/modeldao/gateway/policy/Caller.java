package org.modeldao.gateway.policy;

import java.util.Locale;

/**
 * Who is calling. {@code address} is the lower-case 0x account from a verified token, or
 * null for an anonymous caller; {@code rateKey} identifies the caller for rate limiting
 * (the address, or the client's network address when anonymous).
 */
public record Caller(String address, String rateKey) {

    public static Caller anonymous(String remoteAddress) {
        return new Caller(null, "anon:" + remoteAddress);
    }

    public static Caller account(String address) {
        String normalized = address.toLowerCase(Locale.ROOT);
        return new Caller(normalized, normalized);
    }

    public boolean authenticated() {
        return address != null;
    }

    /** For logs and the audit trail. */
    public String describe() {
        return authenticated() ? address : rateKey;
    }
}
