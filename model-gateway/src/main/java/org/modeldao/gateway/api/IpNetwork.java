package org.modeldao.gateway.api;

/** A network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is a /32 or /128). */
record IpNetwork(byte[] base, int prefixLength, String text) {

    static IpNetwork parse(String cidr) {
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

    boolean contains(byte[] address) {
        if (address == null || address.length != base.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != base[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[fullBytes] & mask) == (base[fullBytes] & mask);
    }

    static boolean anyContains(IpNetwork[] networks, byte[] address) {
        for (IpNetwork network : networks) {
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
