package org.modeldao.app.indexer;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * The one place where text read from the chain (descriptions, reasons, model names, URIs,
 * rationales…) is made safe to store and show. Anyone can put any bytes into a log, and
 * PostgreSQL refuses NUL, so every decoded string passes here:
 * <ul>
 * <li>NUL, other control characters (except tab, line feed, carriage return), DEL, C1 controls and
 * bidirectional overrides are written as a visible {@code \\uXXXX} escape;</li>
 * <li>lone surrogates (and, from {@link #ofUtf8}, invalid UTF-8) become U+FFFD;</li>
 * <li>text longer than its column is cut, and a visible marker says how much was left out.</li>
 * </ul>
 * Applying it twice changes nothing, so a stored value can pass again safely.
 */
public final class ChainText {

    /** Registry keys: model, version, format, constraint target (VARCHAR(1000)). */
    static final int KEY = 1_000;
    /** Proposal titles (VARCHAR(300)). */
    static final int TITLE = 300;
    /** Governance history summaries (VARCHAR(4000)). */
    static final int SUMMARY = 4_000;
    /** Artifact and card URIs. */
    static final int URI = 2_000;
    /** Vote reasons, revocation and removal reasons, constraint rationales and values. */
    static final int REASON = 10_000;
    /** Proposal descriptions (Markdown documents). */
    static final int DESCRIPTION = 200_000;

    private ChainText() {
    }

    /**
     * For views showing chain text that was not cleaned column by column (a proposal's actions, whose
     * strings sit inside the JSON decoded once at indexing time): escaped like everything the indexer
     * stores, capped like a governance history line.
     */
    public static String forDisplay(String raw) {
        return of(raw, SUMMARY);
    }

    /** {@code raw} escaped and capped to {@code maxChars} (null stays null). */
    static String of(String raw, int maxChars) {
        if (raw == null) {
            return null;
        }
        return cap(escape(raw), maxChars);
    }

    /** Raw bytes (an ABI {@code string} read as bytes): invalid UTF-8 replaced, then as {@link #of}. */
    static String ofUtf8(byte[] raw, int maxChars) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(raw)).toString();
            return of(text, maxChars);
        } catch (CharacterCodingException impossibleWithReplace) {
            throw new IllegalStateException(impossibleWithReplace);
        }
    }

    static String escape(String raw) {
        int first = firstUnsafe(raw);
        if (first < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length() + 16).append(raw, 0, first);
        for (int i = first; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (mustEscape(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (mustEscape(c)) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean mustEscape(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String marker(int leftOut) {
        return "… [" + leftOut + " more characters not stored]";
    }

    /** Cut to at most {@code maxChars}, ending with a marker naming how many characters were left out. */
    static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int keep = maxChars;
        for (int round = 0; round < 3; round++) { // the marker's own length depends on the count it names
            keep = Math.max(0, maxChars - marker(text.length() - keep).length());
        }
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        String capped = text.substring(0, keep) + marker(text.length() - keep);
        return capped.length() <= maxChars ? capped : capped.substring(0, maxChars);
    }
}
