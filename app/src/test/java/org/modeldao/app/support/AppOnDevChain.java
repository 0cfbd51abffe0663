package org.modeldao.app.support;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the ITs that need the whole app on a random port: `dev` and `postgres` profiles, a fresh
 * PostgreSQL database on 127.0.0.1:5432 and the shared real dev chain ({@link DevChainFixture}), whose account 3
 * is the app's admin.
 * All of them share one Spring context (same configuration), so the app starts once per test JVM.
 */
// every test signs in from 127.0.0.1: the per-client sign-in limits are lifted (SignInCostContract tests them)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"modeldao.identity.role-refresh-interval=300ms",
        "modeldao.identity.limits.nonces-per-client=100000", "modeldao.identity.limits.verifications-per-client=100000",
        // Vaadin's development tools (Copilot and its notice) would sit over the pages the browser tests look at
        "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles({"dev", "postgres"})
public abstract class AppOnDevChain {

    private static PostgresFixture database;

    @DynamicPropertySource
    static void chainAndDatabase(DynamicPropertyRegistry registry) {
        registry.add("modeldao.chain.deployment-file", () -> DevChainFixture.shared().descriptorFile().toString());
        registry.add("DATABASE_URL", () -> database().jdbcUrl());
        registry.add("DATABASE_USER", () -> database().user());
        registry.add("modeldao.identity.admin-addresses", () -> DevChainFixture.checksummed(DevChainFixture.shared().admin()));
    }

    /** The fresh database of this test JVM, dropped when the JVM exits. */
    protected static synchronized PostgresFixture database() {
        if (database == null) {
            try {
                database = PostgresFixture.createDatabase();
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for the app ITs", e);
            }
            PostgresFixture created = database;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    created.close();
                } catch (SQLException ignored) {
                    // the JVM is going away; a leftover modeldao_it_* database is harmless
                }
            }, "drop-it-database"));
        }
        return database;
    }

    /**
     * Spring Security's holder strategy is JVM-global, and Vaadin's security configurer replaces it
     * with its own instance (its own ThreadLocal) whenever an app starts. ITs that start another app
     * in this JVM (other profiles or properties) would leave this shared app's controllers reading an
     * empty context; each test here puts back the strategy this app started with.
     */
    private static SecurityContextHolderStrategy strategyOfTheSharedApp;

    @BeforeEach
    void useTheSecurityContextStrategyOfTheSharedApp() {
        if (strategyOfTheSharedApp == null) {
            // the shared app was just started for this test class: the strategy in force is its own
            strategyOfTheSharedApp = SecurityContextHolder.getContextHolderStrategy();
        } else {
            SecurityContextHolder.setContextHolderStrategy(strategyOfTheSharedApp);
        }
    }

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
