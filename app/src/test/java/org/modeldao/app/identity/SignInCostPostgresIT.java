package org.modeldao.app.identity;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.modeldao.app.support.PostgresFixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SignInCostContract} on a fresh PostgreSQL database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "modeldao.indexer.enabled=false", SignInCostContract.LIMITS, "modeldao.identity.limits.purge-interval=1s"})
@ActiveProfiles({"dev", "postgres"})
@Import(SignInCostContract.Clocks.class)
class SignInCostPostgresIT extends SignInCostContract {

    private static PostgresFixture database;

    @DynamicPropertySource
    static void chainAndDatabase(DynamicPropertyRegistry registry) throws SQLException {
        database = PostgresFixture.createDatabase();
        registry.add("DATABASE_URL", database::jdbcUrl);
        registry.add("DATABASE_USER", database::user);
        chainBehindCountingProxy(registry);
    }

    @AfterAll
    static void dropDatabase() {
        // the app context is cached until the JVM ends; PostgresFixture drops with force
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (SQLException ignored) {
                // a leftover modeldao_it_* database is harmless
            }
        }));
    }
}
