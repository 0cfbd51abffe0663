package org.modeldao.launcher.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository as the compose file sees it: the parsed compose file (possibly a modified copy
 * of docker/compose.yaml, for tests that prove the checks fail), its .env.example, and lazy
 * access to each service's Dockerfile and Maven module.
 */
final class ComposeProject {

    static final String COMPOSE_FILE = "docker/compose.yaml";
    static final String ENV_EXAMPLE = "docker/.env.example";

    private final Path repository;
    private final String composeText;
    private final String envExample;
    private final Map<String, Object> compose;
    private final Map<String, ModuleConfiguration> modules = new ConcurrentHashMap<>();

    private ComposeProject(Path repository, String composeText, String envExample) {
        this.repository = repository;
        this.composeText = composeText;
        this.envExample = envExample;
        Object parsed = new Yaml().load(composeText);
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("services") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a compose file: no services");
        }
        this.compose = cast(map);
    }

    static ComposeProject load(Path repository) {
        return new ComposeProject(repository, ModuleConfiguration.read(repository.resolve(COMPOSE_FILE)),
                ModuleConfiguration.read(repository.resolve(ENV_EXAMPLE)));
    }

    ComposeProject withComposeText(String text) {
        return new ComposeProject(repository, text, envExample);
    }

    ComposeProject withEnvExample(String text) {
        return new ComposeProject(repository, composeText, text);
    }

    Path repository() {
        return repository;
    }

    Path composeFolder() {
        return repository.resolve(COMPOSE_FILE).getParent();
    }

    String composeText() {
        return composeText;
    }

    String envExample() {
        return envExample;
    }

    List<ComposeService> services() {
        return cast((Map<?, ?>) compose.get("services")).entrySet().stream()
                .map(e -> new ComposeService(e.getKey(), e.getValue() instanceof Map<?, ?> m ? cast(m) : Map.of()))
                .toList();
    }

    Optional<ComposeService> service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    Set<String> declaredVolumes() {
        return compose.get("volumes") instanceof Map<?, ?> volumes ? cast(volumes).keySet() : Set.of();
    }

    Path buildContext(ComposeService service) {
        return composeFolder().resolve(service.buildContext()).normalize();
    }

    Path dockerfilePath(ComposeService service) {
        return buildContext(service).resolve(service.dockerfile()).normalize();
    }

    /** The service's Dockerfile, if it is built and the file exists. */
    Optional<Dockerfile> dockerfile(ComposeService service) {
        Path path = service.isBuilt() ? dockerfilePath(service) : null;
        return path != null && Files.isRegularFile(path) ? Optional.of(Dockerfile.parse(ModuleConfiguration.read(path)))
                : Optional.empty();
    }

    /** Text of the files the service's runtime image copies from the build context (scripts, configs). */
    String copiedFilesText(ComposeService service) {
        StringBuilder text = new StringBuilder();
        dockerfile(service).ifPresent(dockerfile -> dockerfile.finalStageContextSources().stream()
                .map(source -> buildContext(service).resolve(source))
                .filter(Files::isRegularFile)
                .filter(path -> !path.getFileName().toString().endsWith(".json"))
                .forEach(path -> text.append(ModuleConfiguration.read(path)).append('\n')));
        return text.toString();
    }

    ModuleConfiguration module(String name) {
        return modules.computeIfAbsent(name, m -> ModuleConfiguration.read(repository, m));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
