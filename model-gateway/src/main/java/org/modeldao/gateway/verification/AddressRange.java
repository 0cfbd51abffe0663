package org.modeldao.gateway.verification;

import java.net.InetAddress;

/** An IP address range in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is its own range. */
record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
        }
        byte[] bytes = SourcePolicy.literal(address).getAddress();
        int length;
        try {
            length = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length", e);
        }
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bytes.length * 8);
        }
        return new AddressRange(bytes, length);
    }

    /** A dotted IPv4 address or an IPv6 address: text InetAddress parses without a DNS lookup. */
    static boolean isLiteral(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
