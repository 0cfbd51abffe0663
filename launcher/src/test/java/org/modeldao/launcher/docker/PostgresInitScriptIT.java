package org.modeldao.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/postgres/init's script, run as the PostgreSQL image runs it on a fresh volume, against
 * this machine's PostgreSQL (127.0.0.1:5432, trust auth) with database and role names unique to
 * the test run (roles are cluster-wide, so they are dropped afterwards): one database per
 * service, closed to the other service; the gateway's database owned by its owner role, which
 * runs the gateway's own migrations, while its runtime role may only append to the audit log.
 */
class PostgresInitScriptIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String GENESIS = "0".repeat(64);

    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String appDb = "it_app_" + suffix;
    private final String gatewayDb = "it_gateway_" + suffix;
    private final String gatewayOwner = "it_gateway_owner_" + suffix;
    private Path script;

    @BeforeEach
    void locateScript() {
        script = RepositoryFixture.repository().resolve("docker/postgres/init/10-modeldao-databases.sh");
    }

    @AfterEach
    void dropDatabasesAndRoles() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + appDb + " WITH (FORCE)");
            sql.execute("DROP DATABASE IF EXISTS " + gatewayDb + " WITH (FORCE)");
            for (String role : new String[] {appDb, gatewayDb, gatewayOwner}) {
                sql.execute("DROP ROLE IF EXISTS " + role);
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
            assertThat(databaseOwner(sql)).isEqualTo(appDb);
        }
        try (Connection owner = DriverManager.getConnection(SERVER + gatewayDb, gatewayOwner, "owner-secret");
                Statement sql = owner.createStatement()) {
            assertThat(databaseOwner(sql)).isEqualTo(gatewayOwner);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(SERVER + appDb, gatewayDb, "gateway-secret").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DriverManager.getConnection(SERVER + appDb, gatewayOwner, "owner-secret").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DriverManager.getConnection(SERVER + gatewayDb, appDb, "app-secret").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void the_gateway_migrates_as_its_owner_role_and_its_runtime_role_may_only_append_to_the_audit_log() throws Exception {
        ScriptRun run = ScriptRun.run(script, environment());
        assertThat(run.exitCode()).as(run.output()).isZero();

        gatewayFlywayAsOwner().migrate();

        try (Connection runtime = DriverManager.getConnection(SERVER + gatewayDb, gatewayDb, "gateway-secret");
                Statement sql = runtime.createStatement()) {
            // the query DecisionLogConfiguration warns on at start: false means the gateway cannot drop its triggers
            try (ResultSet owns = sql.executeQuery("SELECT pg_has_role(current_user, (SELECT tableowner FROM pg_tables"
                    + " WHERE tablename = 'audit_log'), 'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
                assertThat(owns.next()).isTrue();
                assertThat(owns.getBoolean(1)).isFalse();
            }
            assertThat(tableOwner(sql, "audit_log")).isEqualTo(gatewayOwner);
            assertThat(tableOwner(sql, "audit_head")).isEqualTo(gatewayOwner);

            String entryHash = "a".repeat(64);
            assertThat(sql.executeUpdate("INSERT INTO audit_log (seq, recorded_at_ms, kind, caller, model, model_version,"
                    + " outcome, detail, prev_hash, entry_hash) VALUES (1, 0, 'INFER', 'caller', 'm', '1', 'OK', '', '"
                    + GENESIS + "', '" + entryHash + "')")).isOne();
            assertThat(sql.executeUpdate("UPDATE audit_head SET seq = 1, entry_hash = '" + entryHash + "' WHERE id = 1")).isOne();

            assertRefused(sql, "TRUNCATE audit_log", "permission denied");
            assertRefused(sql, "DELETE FROM audit_log", "permission denied");
            assertRefused(sql, "UPDATE audit_log SET detail = 'edited'", "permission denied");
            assertRefused(sql, "DELETE FROM audit_head", "permission denied");
            assertRefused(sql, "DROP TRIGGER audit_log_no_update_or_delete ON audit_log", "must be owner");
            assertRefused(sql, "DROP TRIGGER audit_log_appends_linked ON audit_log", "must be owner");
            assertRefused(sql, "ALTER TABLE audit_log DISABLE TRIGGER ALL", "must be owner");
            assertRefused(sql, "DROP TABLE audit_log", "must be owner");
            assertRefused(sql, "SET ROLE " + gatewayOwner, "permission denied");
            assertRefused(sql, "CREATE TABLE beside_the_log (id int)", "permission denied");

            try (ResultSet entries = sql.executeQuery("SELECT count(*), max(entry_hash) FROM audit_log")) {
                entries.next();
                assertThat(entries.getInt(1)).isOne();
                assertThat(entries.getString(2)).isEqualTo(entryHash);
            }
        }
    }

    @Test
    void a_missing_password_fails_before_creating_anything() throws SQLException {
        for (String password : List.of("GATEWAY_DB_PASSWORD", "GATEWAY_DB_OWNER_PASSWORD")) {
            Map<String, String> environment = environment();
            environment.remove(password);

            ScriptRun run = ScriptRun.run(script, environment);

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).contains(password + " is required");
            assertThat(rolesCreated()).isZero();
        }
    }

    @Test
    void refuses_a_gateway_owner_that_is_the_runtime_role() throws SQLException {
        Map<String, String> environment = environment();
        environment.put("GATEWAY_DB_OWNER", gatewayDb);

        ScriptRun run = ScriptRun.run(script, environment);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("GATEWAY_DB_OWNER must differ from GATEWAY_DB_USER");
        assertThat(rolesCreated()).isZero();
    }

    /**
     * Flyway configured as the gateway configures it: the locations of its application.yml (read
     * from the module's resources, {vendor} = postgresql) and the placeholders of its postgres
     * profile, runtime_role being the datasource user, connected as the owner role.
     */
    @SuppressWarnings("unchecked")
    private Flyway gatewayFlywayAsOwner() throws IOException {
        Path resources = RepositoryFixture.repository().resolve("model-gateway/src/main/resources");
        Map<String, Object> flyway = (Map<String, Object>) ((Map<String, Object>) yaml(resources.resolve("application.yml")).get("spring")).get("flyway");
        String[] locations = Arrays.stream(((String) flyway.get("locations")).split(","))
                .map(location -> "filesystem:" + resources.resolve(location.strip().replace("classpath:", "").replace("{vendor}", "postgresql")))
                .toArray(String[]::new);
        Map<String, Object> postgresFlyway = (Map<String, Object>) ((Map<String, Object>) yaml(resources.resolve("application-postgres.yml")).get("spring")).get("flyway");
        Map<String, String> placeholders = new HashMap<>();
        ((Map<String, Object>) postgresFlyway.get("placeholders")).forEach((name, value) -> {
            assertThat(value).as("placeholder %s", name).isEqualTo("${spring.datasource.username}");
            placeholders.put(name, gatewayDb);
        });
        assertThat(placeholders).containsKey("runtime_role");
        return Flyway.configure().dataSource(SERVER + gatewayDb, gatewayOwner, "owner-secret")
                .locations(locations).placeholders(placeholders).load();
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    private static void assertRefused(Statement sql, String statement, String reason) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                .isInstanceOf(SQLException.class).hasMessageContaining(reason);
    }

    private static String databaseOwner(Statement sql) throws SQLException {
        try (ResultSet owner = sql.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
            assertThat(owner.next()).isTrue();
            return owner.getString(1);
        }
    }

    private static String tableOwner(Statement sql, String table) throws SQLException {
        try (ResultSet owner = sql.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = '" + table + "'")) {
            assertThat(owner.next()).as(table).isTrue();
            return owner.getString(1);
        }
    }

    private int rolesCreated() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement sql = admin.createStatement();
                ResultSet roles = sql.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname IN ('" + appDb + "', '"
                        + gatewayDb + "', '" + gatewayOwner + "')")) {
            roles.next();
            return roles.getInt(1);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PGHOST", "127.0.0.1");
        environment.put("POSTGRES_USER", "postgres");
        environment.put("POSTGRES_DB", "postgres");
        environment.put("APP_DB_PASSWORD", "app-secret");
        environment.put("GATEWAY_DB_PASSWORD", "gateway-secret");
        environment.put("GATEWAY_DB_OWNER_PASSWORD", "owner-secret");
        environment.put("APP_DB_NAME", appDb);
        environment.put("APP_DB_USER", appDb);
        environment.put("GATEWAY_DB_NAME", gatewayDb);
        environment.put("GATEWAY_DB_USER", gatewayDb);
        environment.put("GATEWAY_DB_OWNER", gatewayOwner);
        return environment;
    }
}
