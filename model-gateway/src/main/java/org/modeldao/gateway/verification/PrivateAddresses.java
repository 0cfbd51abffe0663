package org.modeldao.gateway.verification;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.modeldao.gateway.net.IpNetwork;

/**
 * Addresses a voted URI must not reach unless listed: this host, its link and the private
 * networks behind it. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64) are
 * judged by that address.
 */
final class PrivateAddresses {

    private static final List<IpNetwork> RANGES = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(IpNetwork::parse).toList();
    /**
     * IPv6 prefixes whose last 32 bits are an IPv4 address: compatible and NAT64 (RFC 6052).
     * Mapped addresses ({@code ::ffff:a.b.c.d}) need none: Java turns them into IPv4 addresses.
     */
    private static final List<IpNetwork> EMBEDDING_IPV4 = List.of("::/96", "64:ff9b::/96")
            .stream().map(IpNetwork::parse).toList();

    private PrivateAddresses() {
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || RANGES.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        if (address instanceof Inet6Address && EMBEDDING_IPV4.stream().anyMatch(range -> range.contains(address))) {
            byte[] bytes = address.getAddress();
            try {
                return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException e) {
                return true; // four bytes are always an address; refuse if not
            }
        }
        return false;
    }
}
