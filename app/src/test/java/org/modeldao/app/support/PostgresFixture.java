package org.modeldao.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL server at 127.0.0.1:5432 (trust auth, user postgres) for one
 * test run, dropped again by {@link #close()}. Override with -Dmodeldao.it.postgres.url=jdbc:postgresql://host:port/
 */
public final class PostgresFixture implements AutoCloseable {

    private static final String SERVER = System.getProperty("modeldao.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("modeldao.it.postgres.user", "postgres");

    private final String database;

    private PostgresFixture(String database) {
        this.database = database;
    }

    public static PostgresFixture createDatabase() throws SQLException {
        String name = "modeldao_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return new PostgresFixture(name);
    }

    public String jdbcUrl() {
        return SERVER + database;
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }
}
