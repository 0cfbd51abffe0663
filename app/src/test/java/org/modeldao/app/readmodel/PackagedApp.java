package org.modeldao.app.readmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The app as a deployment runs it (docker/app.Dockerfile): the Spring Boot jar built with {@code -Pproduction} —
 * Vaadin's production bundle inside, no dev server — started as a child JVM with the Dockerfile's fixed flags.
 * A jar without the bundle is refused: it would serve "Unable to find index.html", not the production UI.
 */
final class PackagedApp implements AutoCloseable {

    /**
     * What {@code -Pproduction} adds to the jar. Spring Boot's repackaging leaves {@code META-INF/} at the jar's root
     * (served from there through the system class loader), not under {@code BOOT-INF/classes}.
     */
    private static final String PRODUCTION_INDEX = "META-INF/VAADIN/webapp/index.html";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private PackagedApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * {@code place} itself if it is a file, else the newest {@code app-*.jar} in that folder (Maven runs the bench in
     * the app module: {@code target}), checked for the production bundle.
     */
    static Path productionJar(Path place) {
        Path jar = Files.isRegularFile(place) ? place : newestAppJar(place);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(PRODUCTION_INDEX) == null) {
                throw new IllegalStateException(jar + " has no Vaadin production bundle: package it with -Pproduction");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static Path newestAppJar(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("app-.*\\.jar")
                            && !f.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no app jar in " + target.toAbsolutePath()
                            + ": package it with ./dao -pl app -am package -DskipTests -Pproduction"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar on a free port with {@code arguments} (Spring command-line properties) and waits until healthy. */
    static PackagedApp start(Path jar, List<String> arguments, Path logFile) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--modeldao.identity.public-origin=http://localhost:" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        PackagedApp app = new PackagedApp(builder.start(), port);
        // a bench stopped with Ctrl-C must not leave the JVM holding its port
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        try {
            app.awaitHealthy(logFile);
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitHealthy(Path logFile) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app jar exited with " + process.exitValue() + "; its log: " + logFile);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app jar was not healthy within " + START_LIMIT.toMinutes() + " minutes; its log: " + logFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM (Spring's graceful shutdown), SIGKILL after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
