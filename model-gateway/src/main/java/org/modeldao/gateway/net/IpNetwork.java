package org.modeldao.gateway.net;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is a /32 or
 * /128). Parsed with {@link IpLiterals}, so a host name is refused, never looked up. An IPv4 network
 * matches IPv4 addresses only, IPv4-mapped IPv6 ones included (they parse to IPv4).
 */
public final class IpNetwork {

    private final byte[] base;
    private final int prefixLength;
    private final String text;

    private IpNetwork(byte[] base, int prefixLength, String text) {
        this.base = base;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** @throws IllegalArgumentException if {@code cidr} is not an IP address or CIDR network */
    public static IpNetwork parse(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        byte[] base = IpLiterals.parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (base == null) {
            throw new IllegalArgumentException("not an IP address or CIDR network: '" + cidr + "'");
        }
        int prefix;
        try {
            prefix = slash < 0 ? base.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + cidr + "'", e);
        }
        if (prefix < 0 || prefix > base.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
        }
        return new IpNetwork(base, prefix, trimmed);
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** @param address 4 or 16 address bytes; null (not an address) is in no network */
    public boolean contains(byte[] address) {
        if (address == null || address.length != base.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        if (!Arrays.equals(address, 0, fullBytes, base, 0, fullBytes)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[fullBytes] & mask) == (base[fullBytes] & mask);
    }

    public static boolean anyContains(IpNetwork[] networks, byte[] address) {
        for (IpNetwork network : networks) { // a loop, not a stream: it runs on every proxied call
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
