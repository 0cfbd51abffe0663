package org.modeldao.app.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database for one test class: an in-memory H2 (as the app's default
 * configuration opens it) or a new database on the PostgreSQL server at 127.0.0.1:5432,
 * dropped again on close.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_SERVER = System.getProperty("modeldao.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");

    private final HikariDataSource dataSource;
    private final String postgresDatabase;

    private TestDatabase(HikariDataSource dataSource, String postgresDatabase) {
        this.dataSource = dataSource;
        this.postgresDatabase = postgresDatabase;
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:test-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return migrated(pool(url, "sa"), null);
    }

    public static TestDatabase postgres() {
        String name = "modeldao_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        try {
            return migrated(pool(POSTGRES_SERVER + name, "postgres"), name);
        } catch (RuntimeException e) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            throw e;
        }
    }

    public static TestDatabase of(String kind) {
        return "postgres".equals(kind) ? postgres() : h2();
    }

    private static TestDatabase migrated(HikariDataSource dataSource, String postgresDatabase) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new TestDatabase(dataSource, postgresDatabase);
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + " refused `" + sql + "`: " + e.getMessage(), e);
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
            admin("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
        }
    }
}
