package org.modeldao.launcher.docker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What a Maven module can be configured with, read from its sources: the keys of its
 * application*.yml/.yaml/.properties, the properties of its {@code @ConfigurationProperties}
 * records, the environment variables its configuration files name as {@code ${PLACEHOLDER}},
 * and the upper-case string literals of its Java code (environment variables read directly).
 */
record ModuleConfiguration(String module, Set<String> properties, Set<String> mapProperties, Set<String> placeholders,
        Set<String> javaLiterals, Map<String, Object> applicationYaml) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})\"");
    private static final Pattern SERVER_PORT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(\\d+)}|(\\d+)");

    static ModuleConfiguration read(Path repository, String module) {
        Path root = repository.resolve(module);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no module folder " + root);
        }
        Set<String> properties = new HashSet<>();
        Set<String> placeholders = new HashSet<>();
        Map<String, Object> applicationYaml = Map.of();
        for (Path file : files(root.resolve("src/main/resources"), 1)) {
            String name = file.getFileName().toString();
            if (!name.matches("application(-[\\w-]+)?\\.(ya?ml|properties)")) {
                continue;
            }
            String text = read(file);
            collect(PLACEHOLDER, text, placeholders);
            if (name.endsWith(".properties")) {
                Properties loaded = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    loaded.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                loaded.stringPropertyNames().forEach(key -> properties.add(RelaxedNames.fromProperty(key)));
            } else {
                for (Object document : new Yaml().loadAll(text)) {
                    flatten("", document, properties);
                    if (name.startsWith("application.") && document instanceof Map<?, ?> map && applicationYaml.isEmpty()) {
                        applicationYaml = castMap(map);
                    }
                }
            }
        }
        Set<String> mapProperties = new HashSet<>();
        Set<String> literals = new HashSet<>();
        Path javaRoot = root.resolve("src/main/java");
        for (Path file : files(javaRoot, Integer.MAX_VALUE)) {
            String source = read(file);
            collect(LITERAL, source, literals);
            ConfigurationPropertiesSource.scan(source, javaRoot, properties, mapProperties);
        }
        return new ModuleConfiguration(module, Set.copyOf(properties), Set.copyOf(mapProperties), Set.copyOf(placeholders),
                Set.copyOf(literals), applicationYaml);
    }

    /** Whether Spring Boot would bind this environment variable to a property of the module. */
    boolean binds(String environmentVariable) {
        String relaxed = RelaxedNames.fromEnvironmentVariable(environmentVariable);
        return properties.contains(relaxed) || BootMetadata.commonProperties().contains(relaxed)
                || mapProperties.stream().anyMatch(prefix -> relaxed.startsWith(prefix + "."));
    }

    /** server.port as the service would resolve it: SERVER_PORT, else application.yml (placeholders from env). */
    Optional<Integer> serverPort(Map<String, String> environment) {
        if (environment.containsKey("SERVER_PORT")) {
            return Optional.of(Integer.parseInt(environment.get("SERVER_PORT")));
        }
        Object server = applicationYaml.get("server");
        Object port = server instanceof Map<?, ?> map ? map.get("port") : applicationYaml.get("server.port");
        if (port == null) {
            return properties.contains("server.port") ? Optional.empty() : Optional.of(8080);
        }
        Matcher matcher = SERVER_PORT.matcher(port.toString().strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group(3) != null) {
            return Optional.of(Integer.parseInt(matcher.group(3)));
        }
        String fromEnvironment = environment.get(matcher.group(1));
        return Optional.of(Integer.parseInt(fromEnvironment != null ? fromEnvironment : matcher.group(2)));
    }

    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, into));
        } else if (node instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Map<?, ?>)) {
            list.forEach(element -> flatten(prefix, element, into));
        } else if (!prefix.isEmpty()) {
            into.add(RelaxedNames.fromProperty(prefix));
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static List<Path> files(Path folder, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            return walk.filter(Files::isRegularFile).filter(p -> depth == 1 || p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
