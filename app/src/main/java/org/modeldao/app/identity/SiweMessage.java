package org.modeldao.app.identity;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A Sign-In with Ethereum message (EIP-4361). {@link #toMessage()} writes the exact text a wallet
 * signs; {@link SiweMessageParser} reads it back.
 *
 * @param scheme optional scheme before the domain ({@code https://example.org wants you ...}), or null
 * @param domain RFC 3986 authority requesting the sign-in
 * @param address EIP-55 checksummed account address
 * @param statement optional human-readable assertion, or null
 * @param uri RFC 3986 URI the sign-in is for
 * @param version always "1"
 * @param chainId EIP-155 chain id the session is bound to
 * @param nonce at least 8 alphanumerics, issued by the server
 * @param issuedAt when the message was made
 * @param expirationTime optional end of validity, or null
 * @param notBefore optional start of validity, or null
 * @param requestId optional system-specific id, or null
 * @param resources URIs the user wishes to have resolved (may be empty)
 */
public record SiweMessage(
        String scheme,
        String domain,
        String address,
        String statement,
        String uri,
        String version,
        long chainId,
        String nonce,
        Instant issuedAt,
        Instant expirationTime,
        Instant notBefore,
        String requestId,
        List<String> resources) {

    static final String HEADER_SUFFIX = " wants you to sign in with your Ethereum account:";

    public SiweMessage {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(issuedAt, "issuedAt");
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** The message as the wallet shows and signs it: LF line ends, no trailing LF. */
    public String toMessage() {
        StringBuilder text = new StringBuilder();
        if (scheme != null) {
            text.append(scheme).append("://");
        }
        text.append(domain).append(HEADER_SUFFIX).append('\n');
        text.append(address).append('\n');
        text.append('\n');
        if (statement != null) {
            text.append(statement).append('\n');
        }
        text.append('\n');
        text.append("URI: ").append(uri).append('\n');
        text.append("Version: ").append(version).append('\n');
        text.append("Chain ID: ").append(chainId).append('\n');
        text.append("Nonce: ").append(nonce).append('\n');
        text.append("Issued At: ").append(format(issuedAt));
        if (expirationTime != null) {
            text.append("\nExpiration Time: ").append(format(expirationTime));
        }
        if (notBefore != null) {
            text.append("\nNot Before: ").append(format(notBefore));
        }
        if (requestId != null) {
            text.append("\nRequest ID: ").append(requestId);
        }
        if (!resources.isEmpty()) {
            text.append("\nResources:");
            resources.forEach(resource -> text.append("\n- ").append(resource));
        }
        return text.toString();
    }

    /** Scheme and authority of {@link #uri()}, e.g. {@code https://dao.example.org}. */
    public String uriOrigin() {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
