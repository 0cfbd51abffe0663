package org.modeldao.gateway.decisions;

/**
 * The one normal form of audit text, applied when an {@link DecisionEntry} is made, so the text that
 * is hashed is the text that is stored. Control characters (NUL included: PostgreSQL refuses it)
 * and unpaired surrogates (UTF-8 cannot encode them; the driver would store '?') become visible
 * escapes (a backslash, "u", four hex digits); text longer than its column is cut with a visible marker
 * {@code …[+N]} (N characters cut). Normal text comes back as the same instance without
 * copying, and normalising normal text changes nothing, so a stored entry read back hashes the same.
 *
 * <p>Backslashes are not escaped: a caller who sends the escape text for NUL is recorded
 * like one who sends a NUL. The record says what arrived, readably, not byte for byte.
 */
final class DecisionText {

    private static final char CUT = '\u2026';

    private DecisionText() {}

    static String normal(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max && plain(value) ? value : capped(escaped(value, false), max);
    }

    /**
     * {@link #normal} for text that recurs as the same instance (a served call's detail is built
     * once per version and purpose): an instance found normal once is not scanned again. The slots
     * are read and written without locks: a String is immutable and safely published, and a lost
     * write only costs one more scan.
     */
    static String normalRecurring(String value, int max) {
        if (value == null || value.length() > max) {
            return normal(value, max);
        }
        int slot = System.identityHashCode(value) & (KNOWN_NORMAL.length - 1);
        if (KNOWN_NORMAL[slot] == value) {
            return value;
        }
        if (plain(value)) {
            KNOWN_NORMAL[slot] = value;
            return value;
        }
        return capped(escaped(value, false), max);
    }

    private static final String[] KNOWN_NORMAL = new String[64];

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // printable ASCII in one unsigned comparison: that is almost all audit text
            if ((char) (c - 0x20) >= 0x5f && !plain(c)) {
                return false;
            }
        }
        return true;
    }

    /** ASCII only, every other character escaped: the form kept when the database refused the normal one. */
    static String asciiOnly(String value, int max) {
        return capped(escaped(value, true), max, "...[+");
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && !Character.isSurrogate(c);
    }

    private static String escaped(String value, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                    && !asciiOnly) {
                out.append(c).append(value.charAt(++i));
            } else if (plain(c) && (!asciiOnly || c < 0x7f)) {
                out.append(c);
            } else {
                out.append("\\u").append(Character.forDigit(c >> 12 & 0xf, 16)).append(Character.forDigit(c >> 8 & 0xf, 16))
                        .append(Character.forDigit(c >> 4 & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return out.toString();
    }

    private static String capped(String value, int max) {
        return capped(value, max, CUT + "[+");
    }

    private static String capped(String value, int max, String marker) {
        if (value.length() <= max) {
            return value;
        }
        // the marker's digits depend on how much is cut, and the cut on the marker's length
        int keep = max - markerLength(marker, value.length() - max);
        while (keep + markerLength(marker, value.length() - keep) > max) {
            keep--;
        }
        if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--; // never split a pair: half of one is exactly what cannot be stored
        }
        return value.substring(0, keep) + marker + (value.length() - keep) + "]";
    }

    private static int markerLength(String marker, int cut) {
        return marker.length() + Integer.toString(cut).length() + 1;
    }
}
