package org.modeldao.app.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the ITs that need the whole app on a random port, in the dev profile, against the shared
 * real dev chain ({@link DevChainFixture}). All of them share one Spring context (same
 * configuration), so the app starts once per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:app-on-dev-chain;DB_CLOSE_DELAY=-1;MODE=PostgreSQL")
@ActiveProfiles("dev")
public abstract class AppOnDevChain {

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        registry.add("modeldao.chain.deployment-file", () -> DevChainFixture.shared().descriptorFile().toString());
    }

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
