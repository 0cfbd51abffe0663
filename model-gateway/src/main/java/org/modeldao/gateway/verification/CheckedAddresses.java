package org.modeldao.gateway.verification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only name resolver during one fetch: it answers with the addresses the
 * {@link SourcePolicy} already checked for the fetched host, and nothing else. The name is never
 * looked up again, so a DNS answer that changes after the check (rebinding) cannot move the
 * connection to a private address.
 */
final class CheckedAddresses implements DnsResolver {

    private final String host;
    private final InetAddress[] addresses;

    CheckedAddresses(String host, List<InetAddress> addresses) {
        this.host = host;
        this.addresses = addresses.toArray(InetAddress[]::new);
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        if (!host.equals(normalized(name))) {
            throw new UnknownHostException(name + " was not checked by gateway.sources (only " + host + " was)");
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String name) throws UnknownHostException {
        resolve(name);
        return host;
    }

    private static String normalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
