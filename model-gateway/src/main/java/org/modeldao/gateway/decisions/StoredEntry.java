package org.modeldao.gateway.decisions;

/**
 * A decision log entry as stored, with its place in the chain.
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

    /** The entry's hash ({@link EntryHasher}'s canonical form, with a digest of its own). */
    public static String hashOf(long seq, long recordedAtMillis, DecisionEntry e, String prevHash, boolean asciiOnly) {
        return new EntryHasher().hash(seq, recordedAtMillis, e, prevHash, asciiOnly);
    }

    public boolean hashMatches() {
        return hash.equals(hashOf(seq, recordedAtMillis, entry, prevHash, asciiOnly));
    }
}
