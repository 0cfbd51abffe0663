package org.modeldao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yaml.snakeyaml.Yaml;

/**
 * One limit for the largest artifact: the app's upload and the gateway's fetch read the same
 * variable with the same default, and docker compose passes it once to both. If these ever
 * disagree, a model the app accepts could be one the gateway will never serve.
 */
class ArtifactSizeLimitTest {

    private static final Path ROOT = Path.of("..");
    private static final String VARIABLE = "MODELDAO_MAX_ARTIFACT_BYTES";

    @Test
    void the_app_and_the_gateway_read_one_variable_with_one_default() throws IOException {
        String gateway = at(yaml("model-gateway/src/main/resources/application.yml"), "gateway", "serving", "max-artifact-bytes");
        String app = at(yaml("app/src/main/resources/application.yml"), "modeldao", "artifacts", "max-size-bytes");

        assertThat(gateway).matches("\\$\\{" + VARIABLE + ":\\d+}").isEqualTo(app);
        long shared = Long.parseLong(gateway.replaceAll("\\D", ""));
        assertThat(shared).isEqualTo(256L * 1024 * 1024);
        // the records' own defaults (used without the yml, e.g. in slices) are the same number
        assertThat(gatewayRecordDefault()).isEqualTo(shared);
        assertThat(appRecordDefault()).isEqualTo(shared);
    }

    @Test
    void docker_compose_passes_the_one_value_to_both_services() throws IOException {
        Map<String, Object> compose = yaml("docker/compose.yaml");
        String value = (String) compose.get("x-max-artifact-bytes");
        assertThat(value).isEqualTo("${" + VARIABLE + ":-" + 256L * 1024 * 1024 + "}");
        for (String service : List.of("app", "gateway")) {
            assertThat(at(compose, "services", service, "environment", VARIABLE)).as(service).isEqualTo(value);
        }
        assertThat(Files.readString(ROOT.resolve("docker/.env.example"))).contains("# " + VARIABLE + "=");
    }

    private static long gatewayRecordDefault() {
        RecordComponent[] components = GatewayProperties.Serving.class.getRecordComponents();
        int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf("maxArtifactBytes");
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            DefaultValue value = GatewayProperties.Serving.class.getDeclaredConstructor(types).getParameters()[index]
                    .getAnnotation(DefaultValue.class);
            return Long.parseLong(value.value()[0]);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** The app is another module: its record is read as source. */
    private static long appRecordDefault() throws IOException {
        String source = Files.readString(ROOT.resolve("app/src/main/java/org/modeldao/app/artifacts/ArtifactProperties.java"));
        Matcher constant = Pattern.compile("DEFAULT_MAX_SIZE_BYTES = (\\d+)L;").matcher(source);
        assertThat(constant.find()).as("ArtifactProperties.DEFAULT_MAX_SIZE_BYTES").isTrue();
        return Long.parseLong(constant.group(1));
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static String at(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            assertThat(node).as(String.join(".", keys)).isInstanceOf(Map.class);
            node = ((Map<String, Object>) node).get(key);
        }
        return String.valueOf(node);
    }
}
