package org.modeldao.launcher.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Property names declared by {@code @ConfigurationProperties("prefix") record X(...)} in Java
 * source: each component becomes {@code prefix.kebab-name}; a component whose type is another
 * record (nested in the same file or in its own file beside it) contributes that record's
 * components under {@code prefix.name}; a {@code Map} component accepts any key below it.
 */
final class ConfigurationPropertiesSource {

    private static final Pattern ANNOTATION = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
    private static final Pattern RECORD = Pattern.compile("record\\s+(\\w+)\\s*\\(");
    private static final Pattern ANNOTATIONS = Pattern.compile("@\\w+(\\.\\w+)*(\\((?:[^()]|\\([^()]*\\))*\\))?");

    private ConfigurationPropertiesSource() {
    }

    static void scan(String source, Path javaRoot, Set<String> properties, Set<String> mapProperties) {
        Matcher annotation = ANNOTATION.matcher(source);
        while (annotation.find()) {
            Matcher record = RECORD.matcher(source);
            if (record.find(annotation.end())) {
                addComponents(source, record.group(1), RelaxedNames.fromProperty(annotation.group(1)), javaRoot, properties,
                        mapProperties, 0);
            }
        }
    }

    private static void addComponents(String source, String recordName, String prefix, Path javaRoot,
            Set<String> properties, Set<String> mapProperties, int depth) {
        String components = componentsOf(source, recordName);
        if (components == null || depth > 5) {
            return;
        }
        for (String component : splitTopLevel(ANNOTATIONS.matcher(components).replaceAll(" "))) {
            String[] words = component.strip().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String name = words[words.length - 1];
            String type = String.join(" ", Arrays.copyOf(words, words.length - 1)).replaceAll("\\s", "");
            String property = prefix + "." + RelaxedNames.fromProperty(RelaxedNames.kebab(name));
            String simpleType = type.replaceAll("<.*", "").replaceAll(".*\\.", "");
            if (simpleType.equals("Map")) {
                mapProperties.add(property);
                continue;
            }
            String nestedSource = componentsOf(source, simpleType) != null ? source : siblingSource(javaRoot, simpleType);
            if (nestedSource != null && componentsOf(nestedSource, simpleType) != null) {
                addComponents(nestedSource, simpleType, property, javaRoot, properties, mapProperties, depth + 1);
            } else {
                properties.add(property);
            }
        }
    }

    /** The text between the parentheses of {@code record name(...)}, or null. */
    private static String componentsOf(String source, String recordName) {
        Matcher matcher = Pattern.compile("record\\s+" + Pattern.quote(recordName) + "\\s*\\(").matcher(source);
        if (!matcher.find()) {
            return null;
        }
        int depth = 1;
        for (int i = matcher.end(); i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return source.substring(matcher.end(), i);
            }
        }
        return null;
    }

    private static String siblingSource(Path javaRoot, String typeName) {
        if (!Character.isUpperCase(typeName.isEmpty() ? 'x' : typeName.charAt(0)) || typeName.equals("String")) {
            return null;
        }
        return ModuleConfiguration.files(javaRoot, Integer.MAX_VALUE).stream()
                .filter(p -> p.getFileName().toString().equals(typeName + ".java"))
                .filter(Files::isRegularFile)
                .map(ModuleConfiguration::read)
                .findFirst().orElse(null);
    }

    private static List<String> splitTopLevel(String components) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < components.length(); i++) {
            char c = components.charAt(i);
            depth += c == '<' || c == '(' ? 1 : c == '>' || c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(components.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(components.substring(start));
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }
}
