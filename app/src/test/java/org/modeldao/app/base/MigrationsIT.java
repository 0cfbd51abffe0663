package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.modeldao.app.identity.SignInRejected;
import org.modeldao.app.identity.internal.NonceStore;
import org.modeldao.app.support.PostgresFixture;
import org.modeldao.app.tokens.AccessToken;
import org.modeldao.app.tokens.internal.AccessTokenRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The Flyway migrations apply to an empty H2 and an empty (fresh) PostgreSQL database, and the
 * stores work on both, including the time-zone-aware columns.
 */
class MigrationsIT {

    @Test
    void migrations_apply_to_an_empty_h2_database_and_the_stores_work_on_it() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        migrateAndExercise(h2);
    }

    @Test
    void migrations_apply_to_a_fresh_postgresql_database_and_the_stores_work_on_it() throws Exception {
        try (PostgresFixture postgres = PostgresFixture.createDatabase()) {
            migrateAndExercise(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(), ""));
        }
    }

    private static void migrateAndExercise(DataSource dataSource) {
        MigrateResult result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.targetSchemaVersion).isEqualTo("51");
        assertThat(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate().migrationsExecuted)
                .as("a second run has nothing left to do").isZero();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        NonceStore nonces = new NonceStore(jdbc, Clock.fixed(start, ZoneOffset.UTC));
        NonceStore.IssuedNonce nonce = nonces.issue(Duration.ofMinutes(10));
        nonces.consume(nonce.nonce());
        assertThatThrownBy(() -> nonces.consume(nonce.nonce())).isInstanceOf(SignInRejected.class).hasMessageContaining("already used");
        NonceStore.IssuedNonce stale = nonces.issue(Duration.ofMinutes(10));
        NonceStore later = new NonceStore(jdbc, Clock.fixed(start.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.consume(stale.nonce())).isInstanceOf(SignInRejected.class).hasMessageContaining("expired");

        AccessTokenRepository tokens = new AccessTokenRepository(jdbc);
        AccessToken token = new AccessToken("jti-1", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "laptop", start, start.plusSeconds(900), null);
        tokens.insert(token);
        assertThat(tokens.findBySubject(token.subject())).containsExactly(token);
        assertThat(tokens.revoke(token.subject(), token.jti(), start.plusSeconds(60))).isTrue();
        assertThat(tokens.revoke(token.subject(), token.jti(), start.plusSeconds(61))).as("revoking twice changes nothing").isFalse();
        assertThat(tokens.findRevokedUnexpired(start.plusSeconds(120))).extracting(AccessToken::jti).containsExactly("jti-1");
        assertThat(tokens.findRevokedUnexpired(start.plusSeconds(901))).as("expired tokens need no revocation entry").isEmpty();
    }
}
