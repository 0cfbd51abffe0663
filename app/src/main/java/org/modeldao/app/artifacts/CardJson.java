package org.modeldao.app.artifacts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model card file and, when it is not a JSON object, says what is wrong and where (line,
 * column, field) in words, never with the parser's internals. Duplicate fields and content after
 * the object are refused: the app and the gateway must not read two different cards from one file.
 */
final class CardJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.{1,2})' \\(code");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']{0,40})");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]{0,80})\"");

    private CardJson() {
    }

    static JsonNode readObject(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidArtifact("The model card file is not valid JSON: " + what(e) + where(e.getLocation())
                    + ". Nothing was stored.");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidArtifact("The model card file is empty: it must hold a JSON object ({ ... }).");
        }
        if (!root.isObject()) {
            throw new InvalidArtifact("The model card file must hold a JSON object ({ ... }), not a " + kind(root) + ".");
        }
        return root;
    }

    /** The text of an optional field, refusing a field that is there but holds no text. */
    static String text(JsonNode card, String field) {
        JsonNode value = card.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw new InvalidArtifact("In the model card file, field \"" + field + "\" must be text in double quotes, not a "
                    + kind(value) + ".");
        }
        return value.asString();
    }

    private static String what(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof UnexpectedEndOfInputException || message.contains("end-of-input")) {
            return "the file ends before the JSON is complete (a closing }, ] or \" is missing)";
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "field \"" + duplicate.group(1) + "\" appears twice";
        }
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(message);
        if (unexpected.find()) {
            String hint = message.contains("double-quote to start")
                    ? " where a field name in double quotes should start"
                    : message.contains("comma") ? " where a comma or a closing bracket should be" : "";
            return "unexpected character '" + printable(unexpected.group(1)) + "'" + hint;
        }
        Matcher unrecognized = UNRECOGNIZED_TOKEN.matcher(message);
        if (unrecognized.find()) {
            return "unknown word '" + printable(unrecognized.group(1)) + "' (text values need double quotes)";
        }
        if (message.contains("Trailing token")) {
            return "there is more after the JSON object";
        }
        if (message.contains("Illegal unquoted character") || message.contains("control character")) {
            return "a control character (such as a raw line break or tab) inside a text value";
        }
        if (message.contains("UTF")) {
            return "bytes that are not UTF-8 text";
        }
        return "it cannot be read as JSON";
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "list";
            case STRING -> "text";
            case NUMBER -> "number";
            case BOOLEAN -> "true/false value";
            case OBJECT -> "object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
