package org.modeldao.gateway.verification;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.modeldao.gateway.net.IpLiterals;
import org.modeldao.gateway.net.IpNetwork;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which voted or mirror URIs the gateway may fetch ({@code gateway.sources.*}). A voted URI is
 * chosen by whoever passes a proposal, so by default it may not read the gateway's own disk
 * ({@code file:}) nor reach loopback, link-local or private addresses (the metadata service,
 * the database, the admin ports of the gateway's neighbours). A deployment that keeps its
 * artifacts on such an address lists it.
 *
 * @param allowFile    whether {@code file:} URIs are read (a local run keeping artifacts on disk)
 * @param allowPrivate addresses that may be fetched although loopback, link-local or private: an
 *                     IP address ({@code 127.0.0.1}, {@code ::1}), a CIDR range ({@code 10.1.0.0/16})
 *                     or a host name ({@code app}: whatever it resolves to)
 */
@ConfigurationProperties("gateway.sources")
public record SourcePolicy(@DefaultValue("false") boolean allowFile, @DefaultValue List<String> allowPrivate) {

    /** Nothing on this machine or its private networks: the default. */
    public static final SourcePolicy STRICT = new SourcePolicy(false, List.of());

    public SourcePolicy {
        allowPrivate = List.copyOf(allowPrivate);
        allowPrivate.forEach(SourcePolicy::entry); // a malformed entry fails at start-up, not at the first fetch
    }

    /** The local run's policy: files and the loopback addresses (artifacts served by the app on 127.0.0.1). */
    public static SourcePolicy local() {
        return new SourcePolicy(true, List.of("127.0.0.0/8", "::1"));
    }

    /**
     * Keeps, of the addresses {@code host} resolved to, those that are public or listed. The
     * caller connects only to these, so a name that resolves differently a moment later (DNS
     * rebinding) cannot move the connection.
     *
     * @throws ArtifactFetcher.SourceRefusedException if none is left
     */
    List<InetAddress> permittedAddresses(URI uri, InetAddress[] resolved) throws ArtifactFetcher.SourceRefusedException {
        String host = hostOf(uri);
        if (allowPrivate.stream().map(SourcePolicy::entry).anyMatch(e -> e.hostName() != null && e.hostName().equals(host))) {
            return List.of(resolved);
        }
        List<InetAddress> permitted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (InetAddress address : resolved) {
            if (!PrivateAddresses.isPrivate(address) || listed(address)) {
                permitted.add(address);
            } else {
                refused.add(address.getHostAddress());
            }
        }
        if (permitted.isEmpty()) {
            throw new ArtifactFetcher.SourceRefusedException("refused to fetch " + uri + ": " + host + " is a loopback,"
                    + " link-local or private address (" + String.join(", ", refused) + ") not listed in gateway.sources.allow-private");
        }
        return List.copyOf(permitted);
    }

    static String hostOf(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private boolean listed(InetAddress address) {
        return allowPrivate.stream().map(SourcePolicy::entry).anyMatch(e -> e.range() != null && e.range().contains(address));
    }

    private record Entry(IpNetwork range, String hostName) {}

    private static Entry entry(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("gateway.sources.allow-private has an empty entry");
        }
        if (value.contains("/") || IpLiterals.isLiteral(value)) {
            return new Entry(IpNetwork.parse(value), null);
        }
        if (!value.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("gateway.sources.allow-private entry '" + text
                    + "' is neither an IP address, a CIDR range nor a host name");
        }
        return new Entry(null, value);
    }
}
