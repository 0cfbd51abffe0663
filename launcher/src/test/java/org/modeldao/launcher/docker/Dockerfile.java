package org.modeldao.launcher.docker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile (continuation lines joined, comments dropped), with what
 * the checks need: COPY sources from the build context, stages, the final stage's user,
 * exposed ports, health check and entrypoint.
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {}

    private static final Pattern MAVEN_MODULE = Pattern.compile("mvnw\\b[^&;|]*?-pl\\s+([\\w.-]+)");

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String joined = current.toString().strip();
                current.setLength(0);
                String[] parts = joined.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            }
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    /** Sources of COPY/ADD instructions that read the build context (not {@code --from} a stage or image). */
    List<String> contextSources() {
        return contextSources(instructions);
    }

    /** Context sources of the runtime stage: the only files the running container can read. */
    List<String> finalStageContextSources() {
        return contextSources(finalStage());
    }

    private static List<String> contextSources(List<Instruction> instructions) {
        List<String> sources = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (!instruction.keyword().equals("COPY") && !instruction.keyword().equals("ADD")) {
                continue;
            }
            List<String> words = words(instruction.arguments());
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
            sources.addAll(paths.subList(0, Math.max(0, paths.size() - 1)));
        }
        return sources;
    }

    /** Instructions after the last FROM: what the image runs with. */
    List<Instruction> finalStage() {
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom + 1, instructions.size());
    }

    long stageCount() {
        return instructions.stream().filter(i -> i.keyword().equals("FROM")).count();
    }

    /** The last FROM's image, with {@code ${ARG}} resolved from the ARG defaults. */
    String runtimeImage() {
        String from = "";
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                from = words(instruction.arguments()).getFirst();
            }
        }
        for (Instruction instruction : instructions) {
            Matcher arg = Pattern.compile("(\\w+)=(\\S+)").matcher(instruction.arguments());
            if (instruction.keyword().equals("ARG") && arg.matches()) {
                from = from.replace("${" + arg.group(1) + "}", arg.group(2));
            }
        }
        return from;
    }

    String finalUser() {
        return finalStage().stream().filter(i -> i.keyword().equals("USER")).map(Instruction::arguments)
                .reduce((first, second) -> second).orElse("root");
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    List<String> finalStage(String keyword) {
        return finalStage().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The module a {@code ./mvnw -pl MODULE} build stage builds, or empty. */
    String mavenModule() {
        Matcher matcher = MAVEN_MODULE.matcher(String.join(" ", all("RUN")));
        return matcher.find() ? matcher.group(1) : "";
    }

    boolean runsMaven() {
        return all("RUN").stream().anyMatch(run -> run.contains("mvnw"));
    }

    /** Words of an instruction, for both the shell form and the JSON array form. */
    static List<String> words(String arguments) {
        String trimmed = arguments.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split(","))
                    .map(w -> w.strip().replaceAll("^\"|\"$", "")).toList();
        }
        return Arrays.asList(trimmed.split("\\s+"));
    }
}
