package org.modeldao.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docker/postgres/init's script, run as the PostgreSQL image runs it on a fresh volume, against
 * this machine's PostgreSQL (127.0.0.1:5432, trust auth) with names unique to the test run: one
 * database per service, owned by the service's role, closed to the other service.
 */
class PostgresInitScriptIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String appDb = "it_app_" + suffix;
    private final String gatewayDb = "it_gateway_" + suffix;
    private Path script;

    @BeforeEach
    void locateScript() {
        script = RepositoryFixture.repository().resolve("docker/postgres/init/10-modeldao-databases.sh");
    }

    @AfterEach
    void dropDatabasesAndRoles() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            for (String name : new String[] {appDb, gatewayDb}) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                sql.execute("DROP ROLE IF EXISTS " + name);
            }
        }
    }

    @Test
    void creates_one_database_per_service_owned_by_its_role_and_closed_to_the_other() throws SQLException {
        ScriptRun run = ScriptRun.run(script, environment());
        assertThat(run.exitCode()).as(run.output()).isZero();

        try (Connection app = DriverManager.getConnection(SERVER + appDb, appDb, "app-secret");
                Statement sql = app.createStatement()) {
            sql.execute("CREATE TABLE owned_by_app (id int)");
            try (ResultSet owner = sql.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
                assertThat(owner.next()).isTrue();
                assertThat(owner.getString(1)).isEqualTo(appDb);
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(SERVER + appDb, gatewayDb, "gateway-secret").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DriverManager.getConnection(SERVER + gatewayDb, appDb, "app-secret").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void a_missing_password_fails_before_creating_anything() throws SQLException {
        Map<String, String> environment = environment();
        environment.remove("GATEWAY_DB_PASSWORD");

        ScriptRun run = ScriptRun.run(script, environment);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("GATEWAY_DB_PASSWORD is required");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement sql = admin.createStatement();
                ResultSet roles = sql.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname IN ('" + appDb + "', '" + gatewayDb + "')")) {
            roles.next();
            assertThat(roles.getInt(1)).isZero();
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PGHOST", "127.0.0.1");
        environment.put("POSTGRES_USER", "postgres");
        environment.put("POSTGRES_DB", "postgres");
        environment.put("APP_DB_PASSWORD", "app-secret");
        environment.put("GATEWAY_DB_PASSWORD", "gateway-secret");
        environment.put("APP_DB_NAME", appDb);
        environment.put("APP_DB_USER", appDb);
        environment.put("GATEWAY_DB_NAME", gatewayDb);
        environment.put("GATEWAY_DB_USER", gatewayDb);
        return environment;
    }
}
