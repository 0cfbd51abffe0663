package org.modeldao.launcher.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property names every Spring Boot web app understands (spring.profiles.*, spring.config.*,
 * server.*, logging.*), from the configuration metadata of the Spring Boot jars on the test
 * classpath ({@code spring-boot}, {@code spring-boot-web-server}). Module-specific properties
 * (datasource, security...) must instead appear in the module's own configuration.
 */
final class BootMetadata {

    private static final String[] FILES = {
            "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json"};

    private static Set<String> common;

    private BootMetadata() {
    }

    /** Relaxed names ({@link RelaxedNames#fromProperty}) of the common properties. */
    static synchronized Set<String> commonProperties() {
        if (common == null) {
            Set<String> names = new HashSet<>();
            JsonMapper json = JsonMapper.builder().build();
            try {
                for (String file : FILES) {
                    for (URL url : Collections.list(BootMetadata.class.getClassLoader().getResources(file))) {
                        try (InputStream in = url.openStream()) {
                            JsonNode properties = json.readTree(in).path("properties");
                            properties.forEach(p -> names.add(RelaxedNames.fromProperty(p.path("name").asString())));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!names.contains("server.port") || !names.contains("spring.profiles.active")) {
                throw new IllegalStateException("Spring Boot's configuration metadata is not on the test classpath");
            }
            common = Set.copyOf(names);
        }
        return common;
    }
}
