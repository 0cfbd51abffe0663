package org.modeldao.app.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.modeldao.app.support.PostgresFixture;

/**
 * A fresh, migrated database for one test class: an in-memory H2 (as the app's default
 * configuration opens it) or a new database on the PostgreSQL server at 127.0.0.1:5432,
 * dropped again on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final PostgresFixture postgresDatabase;

    private TestDatabase(HikariDataSource dataSource, PostgresFixture postgresDatabase) {
        this.dataSource = dataSource;
        this.postgresDatabase = postgresDatabase;
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:test-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return migrated(pool(url, "sa"), null);
    }

    public static TestDatabase postgres() {
        PostgresFixture database;
        try {
            database = PostgresFixture.createDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on the PostgreSQL server: " + e.getMessage(), e);
        }
        try {
            return migrated(pool(database.jdbcUrl(), database.user()), database);
        } catch (RuntimeException e) {
            drop(database);
            throw e;
        }
    }

    public static TestDatabase of(String kind) {
        return "postgres".equals(kind) ? postgres() : h2();
    }

    private static TestDatabase migrated(HikariDataSource dataSource, PostgresFixture postgresDatabase) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new TestDatabase(dataSource, postgresDatabase);
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(6);
        if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true"); // as the app's postgres profile sets it
        }
        return new HikariDataSource(config);
    }

    private static void drop(PostgresFixture database) {
        try {
            database.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A second, independent pool on the same database (another app instance). */
    public HikariDataSource anotherPool() {
        return pool(dataSource.getJdbcUrl(), dataSource.getUsername());
    }

    public boolean isPostgres() {
        return postgresDatabase != null;
    }

    @Override
    public void close() {
        dataSource.close();
        if (postgresDatabase != null) {
            drop(postgresDatabase);
        }
    }
}
