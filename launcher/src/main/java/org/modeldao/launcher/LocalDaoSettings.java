package org.modeldao.launcher;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a local run keeps its state and which ports it uses.
 *
 * @param home           state folder ({@code .dao} at the repository root for {@code ./dao run})
 * @param repositoryRoot where the modules' built jars are found
 * @param chainPort      preferred dev chain port (a free one is taken when it is in use)
 * @param appPort        governance app port (refused when in use)
 * @param gatewayPort    model gateway port (refused when in use)
 * @param blockInterval  the dev chain also mines a block this often, so votes cast in the browser progress
 */
public record LocalDaoSettings(Path home, Path repositoryRoot, int chainPort, int appPort, int gatewayPort,
        Duration blockInterval) {

    public LocalDaoSettings {
        home = home.toAbsolutePath().normalize();
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        requirePort("modeldao.chain.port", chainPort);
        requirePort("modeldao.app.port", appPort);
        requirePort("modeldao.gateway.port", gatewayPort);
        if (appPort == gatewayPort) {
            throw new IllegalArgumentException("the app and the gateway need different ports, both are " + appPort);
        }
    }

    /** From system properties {@code modeldao.home}, {@code modeldao.repository.root} and the {@code modeldao.*.port}s. */
    public static LocalDaoSettings fromSystemProperties() {
        return new LocalDaoSettings(
                Path.of(System.getProperty("modeldao.home", ".dao")),
                Path.of(System.getProperty("modeldao.repository.root", ".")),
                port("modeldao.chain.port", 8545),
                port("modeldao.app.port", 8080),
                port("modeldao.gateway.port", 8090),
                Duration.ofSeconds(2));
    }

    public String appUrl() {
        return "http://127.0.0.1:" + appPort;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public Path deploymentFile() {
        return home.resolve("deployment.json");
    }

    public Path systemFile() {
        return home.resolve("system.json");
    }

    public Path artifactsDirectory() {
        return home.resolve("artifacts");
    }

    public Path logsDirectory() {
        return home.resolve("logs");
    }

    private static int port(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a port number, was '" + value + "'");
        }
    }

    private static void requirePort(String property, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(property + " must lie in 1..65535, was " + port);
        }
    }
}
