package org.modeldao.gateway.decisions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A signed statement "the audit chain had entry {@code seq} with hash {@code entryHash} at
 * {@code timeMillis}", written outside the database so that a database owner who shortens or
 * rewrites the chain contradicts it.
 *
 * <p>Fixed fields, fixed-width encoding ({@link #message()}): 28 bytes domain tag, seq as uint64
 * big-endian, the 32-byte entry hash, time as uint64 big-endian — 76 bytes, ready to be posted
 * on-chain as they are. The Ed25519 signature (64 bytes) is over exactly these bytes.
 */
public record DecisionCheckpoint(long seq, String entryHash, long timeMillis, String signature) {

    static final byte[] DOMAIN = "modeldao.audit.checkpoint.v1".getBytes(StandardCharsets.US_ASCII);

    public byte[] message() {
        return message(seq, entryHash, timeMillis);
    }

    static byte[] message(long seq, String entryHash, long timeMillis) {
        return ByteBuffer.allocate(DOMAIN.length + 8 + 32 + 8).put(DOMAIN).putLong(seq)
                .put(HexFormat.of().parseHex(entryHash)).putLong(timeMillis).array();
    }

    /** One line of the checkpoint file: JSON, fields always in this order. */
    String toLine() {
        return "{\"seq\":" + seq + ",\"entry_hash\":\"" + entryHash + "\",\"time_ms\":" + timeMillis
                + ",\"signature\":\"" + signature + "\"}";
    }

    /** @throws IllegalArgumentException for a line not written by {@link #toLine()} */
    static DecisionCheckpoint fromLine(String line) {
        var m = java.util.regex.Pattern.compile(
                "\\{\"seq\":(\\d{1,19}),\"entry_hash\":\"([0-9a-f]{64})\",\"time_ms\":(\\d{1,19}),\"signature\":\"([0-9a-f]{128})\"}")
                .matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint line: " + DecisionText.normal(line, 200));
        }
        return new DecisionCheckpoint(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)), m.group(4));
    }
}
