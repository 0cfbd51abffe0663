package org.modeldao.launcher.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a compose file, read from its parsed YAML map. Accepts both the short and the
 * long syntax compose allows for environment, ports, volumes and depends_on.
 */
record ComposeService(String name, Map<String, Object> raw) {

    static final String MODULE_LABEL = "org.modeldao.module";

    Optional<String> image() {
        return Optional.ofNullable(raw.get("image")).map(Object::toString);
    }

    boolean isBuilt() {
        return raw.get("build") != null;
    }

    /** Build context relative to the compose file's folder. */
    String buildContext() {
        Object build = raw.get("build");
        if (build instanceof Map<?, ?> map) {
            return String.valueOf(map.get("context") == null ? "." : map.get("context"));
        }
        return String.valueOf(build);
    }

    /** Dockerfile relative to the build context. */
    String dockerfile() {
        Object build = raw.get("build");
        if (build instanceof Map<?, ?> map && map.get("dockerfile") != null) {
            return map.get("dockerfile").toString();
        }
        return "Dockerfile";
    }

    /** The Maven module this service runs, from the {@value #MODULE_LABEL} label. */
    Optional<String> module() {
        return Optional.ofNullable(stringMap(raw.get("labels")).get(MODULE_LABEL));
    }

    Map<String, String> environment() {
        return stringMap(raw.get("environment"));
    }

    List<String> ports() {
        return list(raw.get("ports")).stream()
                .map(p -> p instanceof Map<?, ?> m ? m.get("published") + ":" + m.get("target") : p.toString())
                .toList();
    }

    List<String> expose() {
        return list(raw.get("expose")).stream().map(Object::toString).toList();
    }

    /** Volumes in short syntax ({@code source:target[:mode]}), long syntax converted. */
    List<String> volumes() {
        return list(raw.get("volumes")).stream()
                .map(v -> v instanceof Map<?, ?> m
                        ? m.get("source") + ":" + m.get("target") + (Boolean.TRUE.equals(m.get("read_only")) ? ":ro" : "")
                        : v.toString())
                .toList();
    }

    /** The health check command as one string, or empty if none (or disabled). */
    String healthcheck() {
        if (!(raw.get("healthcheck") instanceof Map<?, ?> check) || Boolean.TRUE.equals(check.get("disable"))) {
            return "";
        }
        Object test = check.get("test");
        String command = test instanceof List<?> parts ? String.join(" ", parts.stream().map(Object::toString).toList())
                : String.valueOf(test == null ? "" : test);
        return command.startsWith("NONE") ? "" : command;
    }

    /** depends_on target → condition ({@code service_started} for the short syntax). */
    Map<String, String> dependsOn() {
        Object value = raw.get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof List<?> names) {
            names.forEach(n -> result.put(n.toString(), "service_started"));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(k.toString(), v instanceof Map<?, ?> c && c.get("condition") != null
                    ? c.get("condition").toString() : "service_started"));
        }
        return result;
    }

    boolean dependencyRequired(String target) {
        return !(raw.get("depends_on") instanceof Map<?, ?> map && map.get(target) instanceof Map<?, ?> c
                && Boolean.FALSE.equals(c.get("required")));
    }

    String restart() {
        return String.valueOf(raw.getOrDefault("restart", "no"));
    }

    List<String> profiles() {
        return list(raw.get("profiles")).stream().map(Object::toString).toList();
    }

    /** Compose allows maps and {@code KEY=VALUE} lists for environment and labels; null values mean "". */
    static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(k.toString(), v == null ? "" : v.toString()));
        } else if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = entry.toString();
                int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        }
        return result;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
