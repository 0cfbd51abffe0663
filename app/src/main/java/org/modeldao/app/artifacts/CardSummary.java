package org.modeldao.app.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A stored model card as a person reads it: the sections voters look for (summary, intended use,
 * limitations, licence, inputs, outputs, labels…) in a fixed order, whichever of the usual field
 * names the card uses — the app's own form writes {@code summary}, a training pipeline may write
 * {@code description}. Fields it does not know are left to the card file itself (linked beside).
 *
 * @param sections heading and text, in reading order; only the ones the card has
 */
public record CardSummary(List<Section> sections) {

    /** A card is the proposer's text: each section is cut at this length on the page. */
    static final int MAX_SECTION = 2_000;

    /** Headings and the field names that fill them (first present wins). */
    private static final Map<String, List<String>> SECTIONS = orderedSections();

    public CardSummary {
        sections = List.copyOf(sections);
    }

    public record Section(String heading, String text) {
    }

    static CardSummary of(JsonNode card) {
        List<Section> found = new ArrayList<>();
        SECTIONS.forEach((heading, fields) -> fields.stream().map(card::get).filter(v -> v != null && !v.isNull())
                .map(CardSummary::text).filter(t -> !t.isBlank()).findFirst()
                .ifPresent(text -> found.add(new Section(heading, bounded(text)))));
        return new CardSummary(found);
    }

    private static Map<String, List<String>> orderedSections() {
        Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        sections.put("Summary", List.of("summary", "description"));
        sections.put("Intended use", List.of("intendedUse", "intended_use"));
        sections.put("Limitations", List.of("limitations"));
        sections.put("Out of scope", List.of("outOfScope", "out_of_scope"));
        sections.put("Inputs", List.of("inputs"));
        sections.put("Outputs", List.of("outputs"));
        sections.put("Labels", List.of("labels"));
        sections.put("Training data", List.of("trainingData", "training_data", "training"));
        sections.put("Metrics", List.of("metrics", "evaluation"));
        sections.put("Licence", List.of("license", "licence"));
        return sections;
    }

    /** Text as is; a list item per tensor ("input FP32 [-1, 4]") or value; an object as "key: value" pairs. */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isObject() && item.has("name") ? tensor(item) : text(item)));
            return String.join(", ", items);
        }
        if (value.isObject()) {
            return value.properties().stream().map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining(", "));
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static String tensor(JsonNode tensor) {
        StringBuilder text = new StringBuilder(text(tensor.get("name")));
        for (String field : List.of("datatype", "type")) {
            if (tensor.hasNonNull(field)) {
                text.append(' ').append(text(tensor.get(field)));
                break;
            }
        }
        if (tensor.has("shape")) {
            text.append(" [").append(tensor.get("shape").valueStream().map(CardSummary::text).collect(Collectors.joining(", "))).append(']');
        }
        return text.toString();
    }

    private static String bounded(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_SECTION ? stripped : stripped.substring(0, MAX_SECTION) + "…";
    }
}
