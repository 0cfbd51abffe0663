package org.modeldao.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL server a local run puts its app and gateway databases on instead of H2. Each run
 * creates fresh databases (their names are printed), so a run never reads another run's chain
 * data; old ones are left for the operator to inspect or drop.
 *
 * @param baseUrl  JDBC URL of the server without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param user     role that may create databases
 * @param password its password (empty for trust authentication)
 */
public record PostgresServer(String baseUrl, String user, String password) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    public PostgresServer {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        if (!baseUrl.matches("jdbc:postgresql://[^/?#\\s]+/?")) {
            throw new IllegalArgumentException("modeldao.postgres.url must be a JDBC base URL without a database, such as"
                    + " jdbc:postgresql://127.0.0.1:5432/ — was '" + baseUrl + "'");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        user = user == null || user.isBlank() ? "postgres" : user.strip();
        password = password == null ? "" : password;
    }

    public String urlOf(String database) {
        return baseUrl + database;
    }

    /** A new, empty database named {@code <prefix>_<UTC time>_<random>}; returns its name. */
    public String createFreshDatabase(String prefix, Clock clock) {
        String name = prefix + "_" + STAMP.format(clock.instant()) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try (Connection connection = DriverManager.getConnection(urlOf("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name); // the name is ours: prefix constant, digits, hex
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + baseUrl + " as " + user + ": " + e.getMessage()
                    + " (set modeldao.postgres.url, modeldao.postgres.user, modeldao.postgres.password)", e);
        }
    }
}
