package org.modeldao.launcher.docker;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every image can be built from the repository as it is: build contexts and
 * Dockerfiles exist, every COPY source exists and is not excluded by .dockerignore, a Maven
 * build stage sees every module's pom and builds the module the service claims to run, and the
 * runtime stage is a non-root JRE with the project's JVM rules (DJL offline, no tracking).
 */
final class BuildChecks {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private BuildChecks() {
    }

    static List<String> check(ComposeProject project) {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : project.services()) {
            if (!service.isBuilt()) {
                if (service.image().isEmpty()) {
                    problems.add(service.name() + ": neither image nor build");
                }
                continue;
            }
            Path context = project.buildContext(service);
            if (!Files.isDirectory(context)) {
                problems.add(service.name() + ": build context " + service.buildContext() + " does not exist");
                continue;
            }
            Path dockerfilePath = project.dockerfilePath(service);
            if (!Files.isRegularFile(dockerfilePath)) {
                problems.add(service.name() + ": Dockerfile " + service.dockerfile() + " does not exist in " + context);
                continue;
            }
            Dockerfile dockerfile = project.dockerfile(service).orElseThrow();
            String label = service.name() + " (" + service.dockerfile() + ")";
            checkCopySources(label, context, dockerfile, problems);
            checkMaven(project, service, label, dockerfile, problems);
            checkRuntime(project, service, label, dockerfile, problems);
        }
        return problems;
    }

    private static void checkCopySources(String label, Path context, Dockerfile dockerfile, List<String> problems) {
        List<PathMatcher> ignored = ignorePatterns(context);
        for (String source : dockerfile.contextSources()) {
            String relative = source.replaceAll("/+$", "");
            if (relative.contains("*") ? !anyMatches(context, relative) : !Files.exists(context.resolve(relative))) {
                problems.add(label + ": COPY source " + source + " does not exist in the build context");
            } else if (ignored.stream().anyMatch(m -> m.matches(Path.of(relative)))) {
                problems.add(label + ": COPY source " + source + " is excluded by .dockerignore");
            }
        }
    }

    private static void checkMaven(ComposeProject project, ComposeService service, String label, Dockerfile dockerfile,
            List<String> problems) {
        if (!dockerfile.runsMaven()) {
            return;
        }
        List<String> sources = dockerfile.contextSources().stream().map(s -> s.replaceAll("/+$", "")).toList();
        Matcher modules = MODULE.matcher(ModuleConfiguration.read(project.repository().resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1).strip();
            if (!sources.contains(module) && !sources.contains(module + "/pom.xml")) {
                problems.add(label + ": Maven needs " + module + "/pom.xml (a module of the root pom) but it is not copied");
            }
        }
        String built = dockerfile.mavenModule();
        service.module().filter(m -> !m.equals(built)).ifPresent(m ->
                problems.add(label + ": labelled as module " + m + " but the build stage builds '" + built + "'"));
    }

    private static void checkRuntime(ComposeProject project, ComposeService service, String label, Dockerfile dockerfile,
            List<String> problems) {
        String user = dockerfile.finalUser().strip();
        if (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
            problems.add(label + ": the runtime stage runs as root (add a USER)");
        }
        if (dockerfile.runsMaven() && (dockerfile.stageCount() < 2 || dockerfile.runtimeImage().contains("-jdk"))) {
            problems.add(label + ": the runtime stage must be a JRE image, not the JDK build stage");
        }
        String entrypoint = String.join(" ", dockerfile.finalStage("ENTRYPOINT")) + " " + String.join(" ", dockerfile.finalStage("CMD"));
        String launched = entrypoint + " " + project.copiedFilesText(service);
        if (launched.contains("java")) {
            if (!launched.contains("-Dai.djl.offline=true")) {
                problems.add(label + ": the JVM does not get -Dai.djl.offline=true");
            }
            String env = String.join(" ", dockerfile.finalStage("ENV")) + " OPT_OUT_TRACKING=" + service.environment().get("OPT_OUT_TRACKING");
            if (!env.contains("OPT_OUT_TRACKING=true")) {
                problems.add(label + ": OPT_OUT_TRACKING=true is not set for the JVM");
            }
            if (entrypoint.contains("java") && !entrypoint.contains("--enable-native-access=ALL-UNNAMED")) {
                problems.add(label + ": the JVM does not get --enable-native-access=ALL-UNNAMED");
            }
            if (!String.join(" ", dockerfile.finalStage("ENV")).contains("MaxRAMPercentage")) {
                problems.add(label + ": no container-aware heap setting (-XX:MaxRAMPercentage) in the image's JVM options");
            }
        }
    }

    private static List<PathMatcher> ignorePatterns(Path context) {
        Path file = context.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<PathMatcher> matchers = new ArrayList<>();
        for (String line : ModuleConfiguration.read(file).split("\\R")) {
            String pattern = line.strip().replaceAll("^/|/$", "");
            if (!pattern.isEmpty() && !pattern.startsWith("#") && !pattern.startsWith("!")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern + "/**"));
            }
        }
        return matchers;
    }

    private static boolean anyMatches(Path context, String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return ModuleConfiguration.files(context.resolve(glob.substring(0, Math.max(0, glob.lastIndexOf('/')))), 1).stream()
                .anyMatch(p -> matcher.matches(context.relativize(p)));
    }
}
