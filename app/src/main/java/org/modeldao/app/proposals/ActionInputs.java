package org.modeldao.app.proposals;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

/**
 * Checks on the fields of proposal actions, each failing with a message a member can act on.
 * They run before any calldata is built, so a malformed form never reaches the wallet.
 */
public final class ActionInputs {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final int MAX_TEXT = 2_000;

    private ActionInputs() {
    }

    public static String name(String field, String value) {
        String trimmed = required(field, value);
        if (!NAME.matcher(trimmed).matches()) {
            throw new InvalidProposal(field + " \"" + trimmed + "\" may only use letters, digits, '.', '_' and '-' (at most 100)");
        }
        return trimmed;
    }

    /** A sha256 as 64 hex digits, with or without 0x; returned as lower-case 0x-prefixed hex. */
    public static String sha256(String field, String value) {
        String trimmed = required(field, value);
        if (!SHA256.matcher(trimmed).matches()) {
            throw new InvalidProposal(field + " must be a sha256 hash: 64 hexadecimal digits, was \"" + trimmed + "\"");
        }
        String hex = trimmed.toLowerCase(Locale.ROOT);
        hex = hex.startsWith("0x") ? hex : "0x" + hex;
        if (hex.equals("0x" + "0".repeat(64))) {
            throw new InvalidProposal(field + " must not be all zeros");
        }
        return hex;
    }

    /** An absolute http(s) URL. */
    public static String url(String field, String value) {
        String trimmed = required(field, value);
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new InvalidProposal(field + " must be an absolute http(s) URL, was \"" + trimmed + "\"");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new InvalidProposal(field + " is not a valid URL: " + e.getReason());
        }
    }

    public static String text(String field, String value) {
        String trimmed = required(field, value);
        if (trimmed.length() > MAX_TEXT) {
            throw new InvalidProposal(field + " is too long (at most " + MAX_TEXT + " characters)");
        }
        return trimmed;
    }

    public static String optionalText(String value) {
        return value == null ? "" : value.strip();
    }

    /** A 20-byte address, returned EIP-55 checksummed. */
    public static String address(String field, String value) {
        String trimmed = required(field, value);
        if (!trimmed.startsWith("0x") || !WalletUtils.isValidAddress(trimmed)) {
            throw new InvalidProposal(field + " must be a 0x-prefixed 20-byte address, was \"" + trimmed + "\"");
        }
        return Keys.toChecksumAddress(trimmed);
    }

    public static List<String> nonEmptyList(String field, List<String> values) {
        List<String> cleaned = values == null ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (cleaned.isEmpty()) {
            throw new InvalidProposal(field + " needs at least one entry");
        }
        return cleaned;
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidProposal(message);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidProposal(field + " is required");
        }
        return value.strip();
    }
}
