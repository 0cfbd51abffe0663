package org.modeldao.app.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SignInCostContract} on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sign-in-cost;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "modeldao.indexer.enabled=false", SignInCostContract.LIMITS, "modeldao.identity.limits.purge-interval=1s"})
@ActiveProfiles("dev")
@Import(SignInCostContract.Clocks.class)
class SignInCostH2IT extends SignInCostContract {

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        chainBehindCountingProxy(registry);
    }
}
