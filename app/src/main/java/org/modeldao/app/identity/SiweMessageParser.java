package org.modeldao.app.identity;

import static org.modeldao.app.identity.SignInRejected.Reason.MALFORMED_MESSAGE;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * Parses an EIP-4361 message following the spec's ABNF exactly: LF line ends, fields in their fixed
 * order, no trailing text. A message that does not match is refused with
 * {@link SignInRejected.Reason#MALFORMED_MESSAGE} and a description of the first offending line.
 */
public final class SiweMessageParser {

    private static final Pattern HEADER = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+\\-.]*)://)?(\\S+)" + Pattern.quote(SiweMessage.HEADER_SUFFIX) + "$");
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    // RFC 3986 authority characters: userinfo, host (incl. IP literals), port
    private static final Pattern AUTHORITY = Pattern.compile("^[A-Za-z0-9\\-._~%!$&'()*+,;=:@\\[\\]]+$");
    // statement = *( reserved / unreserved / " " )
    private static final Pattern STATEMENT = Pattern.compile("^[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;= ]*$");
    private static final Pattern CHAIN_ID = Pattern.compile("^[0-9]{1,18}$");
    private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9]{8,}$");
    // RFC 3339 date-time; "T" and "Z" are case-insensitive there
    private static final Pattern DATE_TIME = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");
    // request-id = *pchar
    private static final Pattern REQUEST_ID = Pattern.compile("^([A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$");

    private SiweMessageParser() {
    }

    public static SiweMessage parse(String text) {
        if (text == null || text.isEmpty()) {
            throw malformed(0, "the message is empty");
        }
        if (text.indexOf('\r') >= 0) {
            throw malformed(0, "lines must end with LF only (no CR)");
        }
        return new Lines(text.split("\n", -1)).parse();
    }

    private static SignInRejected malformed(int line, String detail) {
        String where = line > 0 ? "line " + line + ": " : "";
        return new SignInRejected(MALFORMED_MESSAGE, "Not a valid Sign-In with Ethereum message: " + where + detail + ".");
    }

    /** Walks the lines once, in the order the ABNF fixes. */
    private static final class Lines {
        private final String[] lines;
        private int next;

        Lines(String[] lines) {
            this.lines = lines;
        }

        SiweMessage parse() {
            Matcher header = HEADER.matcher(line("the header"));
            if (!header.matches()) {
                throw malformed(next, "expected '<domain> wants you to sign in with your Ethereum account:'");
            }
            String scheme = header.group(1);
            String domain = domain(header.group(2));
            String address = address(line("the address"));
            expectBlank();
            String statement = statement();
            String uri = uri(field("URI: "));
            String version = field("Version: ");
            if (!"1".equals(version)) {
                throw malformed(next, "Version must be 1");
            }
            long chainId = chainId(field("Chain ID: "));
            String nonce = field("Nonce: ");
            if (!NONCE.matcher(nonce).matches()) {
                throw malformed(next, "Nonce must be at least 8 letters or digits");
            }
            Instant issuedAt = dateTime(field("Issued At: "));
            Instant expirationTime = optionalField("Expiration Time: ") ? dateTime(field("Expiration Time: ")) : null;
            Instant notBefore = optionalField("Not Before: ") ? dateTime(field("Not Before: ")) : null;
            String requestId = optionalField("Request ID: ") ? requestId(field("Request ID: ")) : null;
            List<String> resources = resources();
            if (next < lines.length) {
                throw malformed(next + 1, "unexpected text after the last field");
            }
            return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce,
                    issuedAt, expirationTime, notBefore, requestId, resources);
        }

        private String line(String what) {
            if (next >= lines.length) {
                throw malformed(next + 1, "the message ends before " + what);
            }
            return lines[next++];
        }

        private void expectBlank() {
            if (!line("a blank line").isEmpty()) {
                throw malformed(next, "expected a blank line");
            }
        }

        /** {@code LF [ statement LF ] LF}: the first blank line is already read. */
        private String statement() {
            boolean noStatement = next + 1 < lines.length && lines[next].isEmpty() && lines[next + 1].startsWith("URI: ");
            if (noStatement) {
                next++;
                return null;
            }
            String statement = line("the statement");
            if (!STATEMENT.matcher(statement).matches()) {
                throw malformed(next, "the statement may only hold printable ASCII URI characters and spaces");
            }
            expectBlank();
            return statement;
        }

        private String field(String tag) {
            String line = line("'" + tag.trim() + "'");
            if (!line.startsWith(tag)) {
                throw malformed(next, "expected '" + tag.trim() + "'");
            }
            return line.substring(tag.length());
        }

        private boolean optionalField(String tag) {
            return next < lines.length && lines[next].startsWith(tag);
        }

        private List<String> resources() {
            List<String> resources = new ArrayList<>();
            if (next < lines.length && lines[next].equals("Resources:")) {
                next++;
                while (next < lines.length && lines[next].startsWith("- ")) {
                    resources.add(uri(lines[next++].substring(2)));
                }
            }
            return resources;
        }

        private String domain(String domain) {
            if (!AUTHORITY.matcher(domain).matches()) {
                throw malformed(next, "the domain is not an RFC 3986 authority");
            }
            try {
                URI parsed = new URI("siwe://" + domain);
                if (parsed.getHost() == null || !domain.equals(parsed.getRawAuthority())) {
                    throw malformed(next, "the domain is not an RFC 3986 authority");
                }
            } catch (URISyntaxException e) {
                throw malformed(next, "the domain is not an RFC 3986 authority");
            }
            return domain;
        }

        private String address(String address) {
            if (!ADDRESS.matcher(address).matches()) {
                throw malformed(next, "expected a 0x-prefixed 40-hex-digit address");
            }
            if (!Keys.toChecksumAddress(address).equals(address)) {
                throw malformed(next, "the address is not EIP-55 checksummed");
            }
            return address;
        }

        private String uri(String uri) {
            try {
                URI parsed = new URI(uri);
                if (parsed.getScheme() == null) {
                    throw malformed(next, "'" + uri + "' is not an absolute URI");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw malformed(next, "'" + uri + "' is not an RFC 3986 URI");
            }
        }

        private long chainId(String value) {
            if (!CHAIN_ID.matcher(value).matches()) {
                throw malformed(next, "Chain ID must be a decimal number");
            }
            return Long.parseLong(value);
        }

        private Instant dateTime(String value) {
            if (!DATE_TIME.matcher(value).matches()) {
                throw malformed(next, "'" + value + "' is not an RFC 3339 date-time");
            }
            try {
                return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(next, "'" + value + "' is not a valid date-time");
            }
        }

        private String requestId(String value) {
            if (!REQUEST_ID.matcher(value).matches()) {
                throw malformed(next, "Request ID may only hold URI path characters");
            }
            return value;
        }
    }
}
