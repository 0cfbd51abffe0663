package org.modeldao.app.artifacts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A sha256 digest, the name of everything in the artifact store. Always 64 lower-case hex digits. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new InvalidArtifact("not a sha256 hash (64 hexadecimal digits): " + hex);
        }
    }

    /** Accepts upper or lower case, with or without 0x. */
    public static Sha256 parse(String text) {
        if (text == null) {
            throw new InvalidArtifact("a sha256 hash is required");
        }
        String hex = text.strip().toLowerCase(Locale.ROOT);
        return new Sha256(hex.startsWith("0x") ? hex.substring(2) : hex);
    }

    public static Sha256 of(byte[] content) {
        return new Sha256(HexFormat.of().formatHex(digest().digest(content)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** As the registry stores it: 0x-prefixed. */
    public String prefixed() {
        return "0x" + hex;
    }

    @Override
    public String toString() {
        return hex;
    }
}
