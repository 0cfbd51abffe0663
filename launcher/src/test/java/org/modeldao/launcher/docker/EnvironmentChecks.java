package org.modeldao.launcher.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every environment variable of every service: a Spring-style name must bind to a
 * property of the service's module (relaxed binding) or be one of its ${PLACEHOLDERS}; any other
 * name must be read by something in the image (module code, a copied script) or the platform;
 * secrets are only ever ${VAR} references without defaults; every ${VAR} of the compose file is
 * documented in .env.example and nothing undocumented hides there.
 */
final class EnvironmentChecks {

    private static final Pattern SPRING_STYLE = Pattern.compile("(SPRING|SERVER|MANAGEMENT|LOGGING|SPRINGDOC|VAADIN|MODELDAO|GATEWAY)_.*");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_?KEY|API_?KEY|_TOKEN|CREDENTIALS?)$");
    /** ${VAR}, ${VAR:?message} or ${VAR:-} (empty when unset): never a default value. */
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:?\\?[^}]*|:?-)?}");
    private static final Pattern KEY_LITERAL = Pattern.compile("(?<![0-9a-fA-F])(0x)?[0-9a-fA-F]{64}(?![0-9a-fA-F])");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");
    private static final Pattern EXAMPLE_ENTRY = Pattern.compile("(?m)^#?\\s*([A-Z_][A-Z0-9_]*)=");
    /** Read by the JVM, DJL or the C library rather than by project code. */
    private static final Set<String> PLATFORM = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "OPT_OUT_TRACKING", "TZ");
    /** Documented variables of official images used without a build. */
    private static final Map<String, Set<String>> IMAGE_VARIABLES = Map.of("postgres", Set.of("POSTGRES_USER",
            "POSTGRES_PASSWORD", "POSTGRES_DB", "POSTGRES_INITDB_ARGS", "PGDATA"));

    private EnvironmentChecks() {
    }

    static List<String> check(ComposeProject project) {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : project.services()) {
            for (Map.Entry<String, String> variable : service.environment().entrySet()) {
                String name = variable.getKey();
                String where = service.name() + ": environment variable " + name;
                if (!isConsumed(project, service, name)) {
                    problems.add(where + service.module().map(m -> " binds to no property of module " + m + " and is read by nothing in it")
                            .orElse(" is read by nothing in the image"));
                }
                if (SECRET_NAME.matcher(name).matches() && !SECRET_REFERENCE.matcher(variable.getValue().strip()).matches()) {
                    problems.add(where + " is a secret: its value must be a ${VAR} reference without a default value");
                }
                if (KEY_LITERAL.matcher(variable.getValue().replaceAll("\\$\\{[A-Za-z0-9_]+:?[-?+]?", "")).find()) {
                    problems.add(where + " holds a key-like literal (also as a default); secrets come from the environment");
                }
            }
            project.dockerfile(service).ifPresent(dockerfile -> {
                for (String declaration : concat(dockerfile.all("ENV"), dockerfile.all("ARG"))) {
                    Matcher names = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=").matcher(declaration + (declaration.contains("=") ? "" : "="));
                    while (names.find()) {
                        if (SECRET_NAME.matcher(names.group(1).toUpperCase()).matches()) {
                            problems.add(service.name() + ": " + service.dockerfile() + " bakes " + names.group(1) + " into the image");
                        }
                    }
                }
            });
        }
        checkEnvExample(project, problems);
        return problems;
    }

    private static boolean isConsumed(ComposeProject project, ComposeService service, String name) {
        if (PLATFORM.contains(name) || mentions(project.copiedFilesText(service), name) || mentions(mountedFilesText(project, service), name)) {
            return true;
        }
        if (service.module().isPresent()) {
            ModuleConfiguration module = project.module(service.module().get());
            if (module.placeholders().contains(name) || module.binds(name)) {
                return true;
            }
            // a Spring-style name that binds to nothing is a typo, even if some code mentions it
            return !SPRING_STYLE.matcher(name).matches() && module.javaLiterals().contains(name);
        }
        return service.image().map(image -> image.replaceAll("[:@].*", "").replaceAll(".*/", ""))
                .map(repository -> IMAGE_VARIABLES.getOrDefault(repository, Set.of()).contains(name)).orElse(false);
    }

    private static void checkEnvExample(ComposeProject project, List<String> problems) {
        Set<String> documented = new TreeSet<>();
        Matcher entries = EXAMPLE_ENTRY.matcher(project.envExample());
        while (entries.find()) {
            documented.add(entries.group(1));
        }
        Set<String> referenced = new TreeSet<>();
        Matcher references = REFERENCE.matcher(project.composeText().replaceAll("(?m)#.*$", ""));
        while (references.find()) {
            referenced.add(references.group(1));
        }
        for (String name : referenced) {
            if (!documented.contains(name)) {
                problems.add(ComposeProject.COMPOSE_FILE + " uses ${" + name + "} but " + ComposeProject.ENV_EXAMPLE + " does not document it");
            }
        }
        for (String name : documented) {
            if (!referenced.contains(name) && !name.startsWith("COMPOSE_")) {
                problems.add(ComposeProject.ENV_EXAMPLE + " documents " + name + " but the compose file never uses it");
            }
        }
    }

    /** Text of the files bind-mounted from the repository (e.g. database init scripts). */
    private static String mountedFilesText(ComposeProject project, ComposeService service) {
        StringBuilder text = new StringBuilder();
        for (String volume : service.volumes()) {
            String source = volume.split(":")[0];
            if (source.startsWith(".") || source.startsWith("/")) {
                Path path = project.composeFolder().resolve(source).normalize();
                List<Path> files = Files.isDirectory(path) ? ModuleConfiguration.files(path, 1) : List.of(path);
                files.stream().filter(Files::isRegularFile).forEach(f -> text.append(ModuleConfiguration.read(f)).append('\n'));
            }
        }
        return text.toString();
    }

    private static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
