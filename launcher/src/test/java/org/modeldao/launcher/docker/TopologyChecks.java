package org.modeldao.launcher.docker;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks how the services fit together: published and probed ports are the ports the apps
 * listen on (server.port of their module), URLs between services name a service and a port it
 * listens on, every long-running service has a health check, dependencies exist and wait for
 * what they need, and volumes are declared, used, shared by at most one writer, and bind
 * mounts point at files of the repository.
 */
final class TopologyChecks {

    private static final Pattern URL = Pattern.compile("(?:https?|jdbc:[a-z]+|redis|wss?)://([A-Za-z0-9_.-]+):(\\d+)");
    private static final Pattern LOCAL_PROBE = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    private TopologyChecks() {
    }

    static List<String> check(ComposeProject project) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<Integer>> listening = new HashMap<>();
        project.services().forEach(s -> listening.put(s.name(), listeningPorts(project, s, problems)));
        Set<Integer> published = new HashSet<>();
        project.services().forEach(s -> s.ports().forEach(p -> published.add(hostPort(p))));
        Set<String> oneShot = new HashSet<>();
        project.services().forEach(s -> s.dependsOn().forEach((target, condition) -> {
            if (condition.equals("service_completed_successfully")) {
                oneShot.add(target);
            }
        }));
        for (ComposeService service : project.services()) {
            checkProbes(project, service, listening.get(service.name()), problems);
            checkUrls(service, listening, published, problems);
            checkDependencies(project, service, oneShot, problems);
            if (!oneShot.contains(service.name()) && healthcheck(project, service).isEmpty()) {
                problems.add(service.name() + ": long-running service without a health check");
            }
        }
        checkVolumes(project, problems);
        return problems;
    }

    /** Ports a service listens on: its module's server.port, else what it exposes or publishes. */
    private static Set<Integer> listeningPorts(ComposeProject project, ComposeService service, List<String> problems) {
        Set<Integer> declared = new HashSet<>();
        service.expose().forEach(p -> declared.add(Integer.parseInt(p.replaceAll("/.*", ""))));
        service.ports().forEach(p -> declared.add(containerPort(p)));
        Optional<Integer> serverPort = service.module().flatMap(m -> project.module(m).serverPort(service.environment()));
        if (serverPort.isEmpty()) {
            return declared;
        }
        int port = serverPort.get();
        for (int published : declared) {
            if (published != port) {
                problems.add(service.name() + ": maps container port " + published + " but " + service.module().get()
                        + " listens on server.port " + port);
            }
        }
        project.dockerfile(service).map(d -> d.finalStage("EXPOSE")).filter(e -> !e.isEmpty())
                .filter(e -> !String.join(" ", e).matches(".*\\b" + port + "\\b.*"))
                .ifPresent(e -> problems.add(service.name() + ": the image EXPOSEs " + e + " but the app listens on " + port));
        return Set.of(port);
    }

    private static void checkProbes(ComposeProject project, ComposeService service, Set<Integer> ports, List<String> problems) {
        String probes = service.healthcheck() + " "
                + project.dockerfile(service).map(d -> String.join(" ", d.finalStage("HEALTHCHECK"))).orElse("");
        Matcher local = LOCAL_PROBE.matcher(probes);
        while (local.find()) {
            if (!ports.contains(Integer.parseInt(local.group(1)))) {
                problems.add(service.name() + ": health check probes port " + local.group(1) + " but the service listens on " + ports);
            }
        }
    }

    /**
     * A URL naming a service must use a port it listens on. localhost is the container itself,
     * unless the port is one published on the host: then the URL is one for browsers (a public
     * origin), not one the service calls.
     */
    private static void checkUrls(ComposeService service, Map<String, Set<Integer>> listening, Set<Integer> published,
            List<String> problems) {
        for (Map.Entry<String, String> variable : service.environment().entrySet()) {
            Matcher url = URL.matcher(variable.getValue());
            while (url.find()) {
                String host = url.group(1);
                int port = Integer.parseInt(url.group(2));
                String where = service.name() + ": " + variable.getKey() + " points at " + host + ":" + port;
                if (listening.containsKey(host)) {
                    if (!listening.get(host).contains(port)) {
                        problems.add(where + " but " + host + " listens on " + listening.get(host));
                    }
                } else if (host.equals("localhost") || host.startsWith("127.") || host.equals("0.0.0.0")) {
                    if (!published.contains(port)) {
                        problems.add(where + ": inside a container that is the container itself");
                    }
                } else if (!host.contains(".")) {
                    problems.add(where + " but there is no service " + host);
                }
            }
        }
    }

    private static void checkDependencies(ComposeProject project, ComposeService service, Set<String> oneShot, List<String> problems) {
        service.dependsOn().forEach((target, condition) -> {
            Optional<ComposeService> dependency = project.service(target);
            if (dependency.isEmpty()) {
                problems.add(service.name() + ": depends on unknown service " + target);
                return;
            }
            if (condition.equals("service_healthy") && healthcheck(project, dependency.get()).isEmpty()) {
                problems.add(service.name() + ": waits for " + target + " to be healthy, but it has no health check");
            }
            if (!dependency.get().profiles().isEmpty() && service.profiles().isEmpty() && service.dependencyRequired(target)) {
                problems.add(service.name() + ": depends on " + target + ", which runs only in profile(s) "
                        + dependency.get().profiles() + "; mark the dependency required: false");
            }
        });
        if (oneShot.contains(service.name()) && !service.restart().equals("no") && !service.restart().equals("on-failure")) {
            problems.add(service.name() + ": one-shot service with restart " + service.restart() + " would run again and again");
        }
    }

    private static void checkVolumes(ComposeProject project, List<String> problems) {
        Set<String> used = new HashSet<>();
        Map<String, List<String>> writers = new HashMap<>();
        for (ComposeService service : project.services()) {
            for (String volume : service.volumes()) {
                String[] parts = volume.split(":");
                String source = parts[0];
                if (parts.length < 2) {
                    problems.add(service.name() + ": anonymous volume " + volume + " (use a named volume)");
                } else if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                    if (!Files.exists(project.composeFolder().resolve(source).normalize())) {
                        problems.add(service.name() + ": bind mount source " + source + " does not exist");
                    }
                } else {
                    used.add(source);
                    if (!project.declaredVolumes().contains(source)) {
                        problems.add(service.name() + ": volume " + source + " is not declared under volumes:");
                    }
                    if (!(parts.length > 2 && parts[2].contains("ro"))) {
                        writers.computeIfAbsent(source, v -> new ArrayList<>()).add(service.name());
                    }
                }
            }
        }
        project.declaredVolumes().stream().filter(v -> !used.contains(v))
                .forEach(v -> problems.add("volume " + v + " is declared but no service mounts it"));
        writers.forEach((volume, services) -> {
            if (services.size() > 1) {
                problems.add("volume " + volume + " is writable by " + services + "; readers must mount it :ro");
            }
        });
    }

    private static String healthcheck(ComposeProject project, ComposeService service) {
        String fromCompose = service.healthcheck();
        return !fromCompose.isEmpty() ? fromCompose
                : project.dockerfile(service).map(d -> String.join(" ", d.finalStage("HEALTHCHECK"))).orElse("");
    }

    /** The host side of a port mapping, defaults of {@code ${VAR:-default}} taken; -1 if not published. */
    static int hostPort(String mapping) {
        String resolved = mapping.replaceAll("\\$\\{[^}:]*:?-([^}]*)}", "$1").replaceAll("/(tcp|udp)$", "");
        String[] parts = resolved.split(":");
        return parts.length < 2 || !parts[parts.length - 2].strip().matches("\\d+") ? -1 : Integer.parseInt(parts[parts.length - 2].strip());
    }

    /** The container side of a port mapping such as {@code "127.0.0.1:${PORT:-8545}:8545/tcp"}. */
    static int containerPort(String mapping) {
        String withoutVariables = mapping.replaceAll("\\$\\{[^}]*}", "X").replaceAll("/(tcp|udp)$", "");
        String[] parts = withoutVariables.split(":");
        return Integer.parseInt(parts[parts.length - 1].strip());
    }
}
