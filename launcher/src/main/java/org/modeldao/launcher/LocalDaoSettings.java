package org.modeldao.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a local run keeps its state and which ports it uses.
 *
 * @param home           state folder ({@code .dao} at the repository root for {@code ./dao run})
 * @param repositoryRoot where the modules' built jars are found
 * @param chainPort      preferred dev chain port (a free one is taken when it is in use)
 * @param appPort        governance app port (refused when in use)
 * @param gatewayPort    model gateway port (refused when in use)
 * @param blockInterval  the dev chain also mines a block this often, so votes cast in the browser progress
 * @param bindAddress    the address app and gateway listen on: loopback unless told otherwise, because the
 *                       local run's dev wallet lets whoever reaches the app sign in as any dev account (the
 *                       dev chain itself always listens on 127.0.0.1)
 * @param postgres       where to create the run's fresh app and gateway databases instead of H2, if anywhere
 */
public record LocalDaoSettings(Path home, Path repositoryRoot, int chainPort, int appPort, int gatewayPort,
        Duration blockInterval, String bindAddress, Optional<PostgresServer> postgres) {

    public static final String LOOPBACK = "127.0.0.1";

    public LocalDaoSettings {
        home = home.toAbsolutePath().normalize();
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        requirePort("modeldao.chain.port", chainPort);
        requirePort("modeldao.app.port", appPort);
        requirePort("modeldao.gateway.port", gatewayPort);
        if (appPort == gatewayPort) {
            throw new IllegalArgumentException("the app and the gateway need different ports, both are " + appPort);
        }
        bindAddress = bindAddress == null || bindAddress.isBlank() ? LOOPBACK : bindAddress.strip();
        if (!bindAddress.matches("[0-9A-Za-z.:\\-\\[\\]]{1,255}")) {
            throw new IllegalArgumentException("modeldao.bind-address must be an IP address or host name, was '" + bindAddress + "'");
        }
        postgres = postgres == null ? Optional.empty() : postgres;
    }

    /** On loopback, with H2. */
    public LocalDaoSettings(Path home, Path repositoryRoot, int chainPort, int appPort, int gatewayPort, Duration blockInterval) {
        this(home, repositoryRoot, chainPort, appPort, gatewayPort, blockInterval, LOOPBACK, Optional.empty());
    }

    public LocalDaoSettings withPostgres(PostgresServer server) {
        return new LocalDaoSettings(home, repositoryRoot, chainPort, appPort, gatewayPort, blockInterval, bindAddress, Optional.of(server));
    }

    public LocalDaoSettings withBindAddress(String address) {
        return new LocalDaoSettings(home, repositoryRoot, chainPort, appPort, gatewayPort, blockInterval, address, postgres);
    }

    /**
     * From system properties {@code modeldao.home}, {@code modeldao.repository.root}, the
     * {@code modeldao.*.port}s, {@code modeldao.bind-address} (default 127.0.0.1) and
     * {@code modeldao.postgres.url} (a JDBC base URL such as {@code jdbc:postgresql://127.0.0.1:5432/};
     * with {@code modeldao.postgres.user}, default postgres, and {@code modeldao.postgres.password}).
     */
    public static LocalDaoSettings fromSystemProperties() {
        String postgresUrl = System.getProperty("modeldao.postgres.url", "");
        return new LocalDaoSettings(
                Path.of(System.getProperty("modeldao.home", ".dao")),
                Path.of(System.getProperty("modeldao.repository.root", ".")),
                port("modeldao.chain.port", 8545),
                port("modeldao.app.port", 8080),
                port("modeldao.gateway.port", 8090),
                Duration.ofSeconds(2),
                System.getProperty("modeldao.bind-address", LOOPBACK),
                postgresUrl.isBlank() ? Optional.empty() : Optional.of(new PostgresServer(postgresUrl,
                        System.getProperty("modeldao.postgres.user", "postgres"), System.getProperty("modeldao.postgres.password", ""))));
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
