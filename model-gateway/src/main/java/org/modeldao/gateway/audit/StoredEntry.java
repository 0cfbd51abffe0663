package org.modeldao.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An audit entry as stored, with its place in the chain. */
public record StoredEntry(long seq, long recordedAtMillis, AuditEntry entry, String prevHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    /**
     * The entry's hash: sha256 over every field, each length-prefixed so that no two
     * different entries can encode to the same bytes, and the previous entry's hash.
     */
    public static String hashOf(long seq, long recordedAtMillis, AuditEntry e, String prevHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), Long.toString(recordedAtMillis), e.kind(), e.caller(),
                e.model(), e.version(), e.outcome(), e.detail(), prevHash}) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    public boolean hashMatches() {
        return hash.equals(hashOf(seq, recordedAtMillis, entry, prevHash));
    }
}
