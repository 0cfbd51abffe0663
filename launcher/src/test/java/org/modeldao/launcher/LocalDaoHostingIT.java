package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.modeldao.launcher.report.SystemDescriptor;

/**
 * A second local run of its own, on the PostgreSQL server at 127.0.0.1:5432 the way
 * {@code -Dmodeldao.postgres.url=jdbc:postgresql://127.0.0.1:5432/} asks for: it must listen on
 * loopback only (no connection through another interface of this machine reaches the app, the
 * gateway or the chain) and bring the app and the gateway up on fresh databases.
 */
@Order(50)
class LocalDaoHostingIT {

    private static final PostgresServer POSTGRES = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
    private static LocalDao dao;
    private static SystemDescriptor system;
    private static List<String> databases = List.of();

    @BeforeAll
    static void startOnPostgres() throws IOException {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "local-dao-hosting-it-");
        int[] ports = freePorts(3);
        LocalDaoSettings settings = new LocalDaoSettings(home, Path.of(System.getProperty("modeldao.repository.root", "..")),
                ports[0], ports[1], ports[2], Duration.ofSeconds(2)).withPostgres(POSTGRES);
        dao = new LocalDao(settings);
        try {
            system = dao.start();
        } finally {
            databases = dao.databases();
        }
    }

    @AfterAll
    static void stopAndDropTheDatabases() throws SQLException {
        if (dao != null) {
            dao.close();
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES.urlOf("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String url : databases) {
                statement.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
            }
        }
    }

    @Test
    void theRunListensOnLoopbackOnly() throws Exception {
        List<Integer> ports = List.of(URI.create(system.urls().app()).getPort(), URI.create(system.urls().gateway()).getPort(),
                URI.create(system.rpcUrl()).getPort());
        for (int port : ports) {
            connect(InetAddress.getLoopbackAddress(), port); // it is there...
        }
        Optional<InetAddress> other = nonLoopbackAddress();
        Assumptions.assumeTrue(other.isPresent(), "this machine has no non-loopback interface address to try");
        for (int port : ports) { // ...but not through another interface
            assertThatThrownBy(() -> connect(other.get(), port)).as("port %d on %s", port, other.get()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void appAndGatewayRunOnFreshPostgresDatabasesOfThisRun() throws Exception {
        assertThat(databases).hasSize(2);
        assertThat(databases.get(0)).startsWith("jdbc:postgresql://127.0.0.1:5432/modeldao_app_");
        assertThat(databases.get(1)).startsWith("jdbc:postgresql://127.0.0.1:5432/modeldao_gateway_");
        // the app indexed the seeded DAO's proposals into its database
        assertThat(count(databases.get(0), "SELECT count(*) FROM proposal")).isPositive();
        assertThat(count(databases.get(0), "SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
        // the gateway's decision log lives in its own
        assertThat(count(databases.get(1), "SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
        assertThat(count(databases.get(1), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'decision_log'")).isOne();
        assertThat(count(databases.get(1), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'proposal'")).isZero();
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        List<InetAddress> candidates = new ArrayList<>();
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).forEach(candidates::add);
            }
        }
        return candidates.stream().findFirst();
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
