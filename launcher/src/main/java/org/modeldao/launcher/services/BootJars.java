package org.modeldao.launcher.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the executable Spring Boot jars the build leaves in the modules' {@code target/}
 * folders: the app's main jar ({@code app-<version>.jar}, repackaged in place) and the
 * gateway's {@code model-gateway-<version>-exec.jar} (its plain jar stays a library).
 */
public final class BootJars {

    private final Path repositoryRoot;

    public BootJars(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    }

    public Path app() {
        return newest("app", name -> name.startsWith("app-") && name.endsWith(".jar")
                && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar"));
    }

    public Path gateway() {
        return newest("model-gateway", name -> name.startsWith("model-gateway-") && name.endsWith("-exec.jar"));
    }

    private Path newest(String module, Predicate<String> isBootJar) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException("No build of " + module + " in " + target
                    + ": build first (./dao -q install -DskipTests, which ./dao run does)");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> isBootJar.test(file.getFileName().toString()))
                    .max(Comparator.comparing(BootJars::modified))
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + module + " in " + target
                            + ": build first (./dao -q install -DskipTests, which ./dao run does)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
