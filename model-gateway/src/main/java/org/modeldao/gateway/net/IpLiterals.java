package org.modeldao.gateway.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals, never host names: a header value is attacker-controlled, and
 * {@code InetAddress.getByName} on anything that is not a literal asks DNS.
 */
public final class IpLiterals {

    private IpLiterals() {}

    /** @return the address bytes (4 for IPv4, also for IPv4-mapped IPv6; else 16), or null if not a literal */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        if (text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
            text = text.substring(1, text.length() - 1);
        }
        return text.indexOf(':') < 0 ? ipv4(text) : ipv6(text);
    }

    /** Whether {@code text} is an IP address literal (see {@link #parse}). */
    public static boolean isLiteral(String text) {
        return parse(text) != null;
    }

    /** The literal as an address, without a DNS lookup. */
    public static InetAddress address(String text) {
        byte[] bytes = parse(text);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                // no leading zeros: "010" is octal to some parsers and decimal to others
                if (value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && part < 3) {
                bytes[part++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        if (part != 3 || value < 0) {
            return null;
        }
        bytes[3] = (byte) value;
        return bytes;
    }

    private static byte[] ipv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!allowed) {
                return null; // also no zone ids (%eth0): not an address a client can be told apart by
            }
        }
        try {
            // a string with ':' made of hex digits, ':' and '.' is parsed as a literal; it never reaches DNS
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The canonical text of an address: one spelling per address, so one rate-limit bucket per address. */
    public static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address of 4 or 16 bytes", e);
        }
    }
}
