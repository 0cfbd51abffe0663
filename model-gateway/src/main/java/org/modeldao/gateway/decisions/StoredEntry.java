package org.modeldao.gateway.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An audit entry as stored, with its place in the chain.
 *
 * @param asciiOnly the database refused the entry's normal form, so it was stored ASCII-only
 *     ({@link DecisionEntry#asciiOnly()}); the flag is part of the hash
 */
public record StoredEntry(long seq, long recordedAtMillis, DecisionEntry entry, String prevHash, String hash,
        boolean asciiOnly) {

    public static final String GENESIS = "0".repeat(64);

    public static String hashOf(long seq, long recordedAtMillis, DecisionEntry e, String prevHash) {
        return hashOf(seq, recordedAtMillis, e, prevHash, false);
    }

    /**
     * The entry's hash: sha256 over every field, each length-prefixed so that no two
     * different entries can encode to the same bytes, and the previous entry's hash. The
     * ASCII-only flag adds a field only when set, so entries written before it existed keep their hashes.
     */
    public static String hashOf(long seq, long recordedAtMillis, DecisionEntry e, String prevHash, boolean asciiOnly) {
        StringBuilder canonical = new StringBuilder(160 + e.detail().length());
        for (String field : new String[] {Long.toString(seq), Long.toString(recordedAtMillis), e.kind(), e.caller(),
                e.model(), e.version(), e.outcome(), e.detail(), prevHash}) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        if (asciiOnly) {
            canonical.append("10:ascii-only|");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    public boolean hashMatches() {
        return hash.equals(hashOf(seq, recordedAtMillis, entry, prevHash, asciiOnly));
    }
}
