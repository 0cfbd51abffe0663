package org.modeldao.contracts.events;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The project's one text form of chain bytes: {@code 0x} and lower-case hex digits (hashes
 * {@code 0x} + 64, addresses {@code 0x} + 40). Public APIs that document another format (the
 * gateway's bare sha256) convert at their edge with {@link #bare}.
 */
public final class ChainHex {

    private static final HexFormat HEX = HexFormat.of();

    private ChainHex() {
    }

    /** {@code 0x} + lower-case hex of {@code bytes} ({@code "0x"} when empty). */
    public static String of(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    /**
     * A hex string from anywhere (with or without {@code 0x}, any case) in the project's form.
     *
     * @throws IllegalArgumentException when it is not hex
     */
    public static String normalise(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not hex: " + (hex.length() > 80 ? hex.substring(0, 80) + "…" : hex));
        }
        return "0x" + digits.toLowerCase(Locale.ROOT);
    }

    /** An address in the project's form (lower case, {@code 0x}, 40 digits). */
    public static String address(String address) {
        String normalised = normalise(address);
        if (normalised.length() != 42) {
            throw new IllegalArgumentException("not a 20-byte address: " + address);
        }
        return normalised;
    }

    /** The bytes of a hex string, with or without {@code 0x}. */
    public static byte[] bytes(String hex) {
        String normalised = normalise(hex);
        return HEX.parseHex(normalised.length() % 2 == 0 ? normalised.substring(2) : "0" + normalised.substring(2));
    }

    /** Without the {@code 0x}: only for public formats documented that way. */
    public static String bare(String hex) {
        return normalise(hex).substring(2);
    }
}
