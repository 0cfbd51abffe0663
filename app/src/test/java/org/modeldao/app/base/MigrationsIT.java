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
 * stores work on both, including the time-zone-aware columns; a database indexed before V5/V6 is
 * filled in by them.
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
        assertThat(result.targetSchemaVersion).isEqualTo("70");
        assertThat(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate().migrationsExecuted)
                .as("a second run has nothing left to do").isZero();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        NonceStore nonces = new NonceStore(jdbc, Clock.fixed(start, ZoneOffset.UTC));
        NonceStore.IssuedNonce nonce = nonces.issue(Duration.ofMinutes(10), 100).orElseThrow();
        nonces.consume(nonce.nonce());
        assertThatThrownBy(() -> nonces.consume(nonce.nonce())).isInstanceOf(SignInRejected.class).hasMessageContaining("already used");
        NonceStore.IssuedNonce stale = nonces.issue(Duration.ofMinutes(10), 100).orElseThrow();
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

    /** V5 and V6 fill in what a database indexed before them lacks: transfers (read again) and the transactions of revocations/removals. */
    @Test
    void a_database_indexed_before_v5_is_filled_in_on_h2() {
        upgradeAnIndexedDatabase(new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", ""));
    }

    @Test
    void a_database_indexed_before_v5_is_filled_in_on_postgresql() throws Exception {
        try (PostgresFixture postgres = PostgresFixture.createDatabase()) {
            upgradeAnIndexedDatabase(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(), ""));
        }
    }

    private static void upgradeAnIndexedDatabase(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO indexer_cursor (cursor_name, chain_id, governor, registry, next_block, updated_at) VALUES ('main', 31337, '0x01', '0x02', 120, CURRENT_TIMESTAMP)")
                .update();
        event(jdbc, 7, "0x" + "a1".repeat(32), "TOKEN", "Transfer", "1,000 tokens from 0x0 to 0xabc");
        event(jdbc, 9, "0x" + "a2".repeat(32), "TOKEN", "DelegateChanged", "0xabc delegated to 0xabc");
        event(jdbc, 40, "0x" + "b1".repeat(32), "REGISTRY", "ModelVersionRevoked", "Revoked iris 1: biased");
        event(jdbc, 40, "0x" + "b2".repeat(32), "REGISTRY", "ModelVersionRevoked", "Revoked iris 10: stale");
        event(jdbc, 41, "0x" + "c1".repeat(32), "REGISTRY", "EthicalConstraintRemoved", "Constraint 2 removed from iris: superseded");
        jdbc.sql("""
                INSERT INTO model_version (model, version, artifact_sha256, artifact_uri, card_sha256, card_uri, format, approved_block,
                    approved_log_index, approved_tx, approved_at, revoked_block, revoked_at, revocation_reason)
                VALUES ('iris', '10', '0xaa', 'u', '0xbb', 'c', 'onnx', 30, 0, '0x30', CURRENT_TIMESTAMP, 40, CURRENT_TIMESTAMP, 'stale')""")
                .update();
        jdbc.sql("""
                INSERT INTO ethical_constraint (constraint_id, model, kind, target, min_value, max_value, constraint_values, rationale,
                    added_block, added_tx, added_at, removed_block, removed_at, removal_reason)
                VALUES (2, 'iris', 0, '', 0, 5, '[]', 'r', 30, '0x30', CURRENT_TIMESTAMP, 41, CURRENT_TIMESTAMP, 'superseded')""")
                .update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("SELECT next_block FROM indexer_cursor").query(Long.class).single())
                .as("rewound to the first Transfer, so the indexer reads it again").isEqualTo(7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chain_event WHERE event_name = 'Transfer'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chain_event").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT revoked_tx FROM model_version WHERE version = '10'").query(String.class).single())
                .as("the revocation of iris 10, not of iris 1 in the same block").isEqualTo("0x" + "b2".repeat(32));
        assertThat(jdbc.sql("SELECT removed_tx FROM ethical_constraint WHERE constraint_id = 2").query(String.class).single())
                .isEqualTo("0x" + "c1".repeat(32));
    }

    /** V70 gives a database that already holds transfers each account's balance (the zero address none), also beside its delegation. */
    @Test
    void a_database_indexed_before_v70_gets_its_balances_on_h2() {
        balancesFilledIn(new DriverManagerDataSource("jdbc:h2:mem:balances-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", ""));
    }

    @Test
    void a_database_indexed_before_v70_gets_its_balances_on_postgresql() throws Exception {
        try (PostgresFixture postgres = PostgresFixture.createDatabase()) {
            balancesFilledIn(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(), ""));
        }
    }

    private static void balancesFilledIn(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("63").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String zero = "0x0000000000000000000000000000000000000000";
        String alice = "0x00000000000000000000000000000000000a11ce";
        String bob = "0x0000000000000000000000000000000000000b0b";
        transfer(jdbc, 1, zero, alice, 1_000);
        transfer(jdbc, 2, alice, bob, 300);
        transfer(jdbc, 3, bob, zero, 100);
        jdbc.sql("INSERT INTO account_delegate (delegator, delegate, block_number) VALUES (?, ?, 2)").params(alice, bob).update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("SELECT account, balance, block_number FROM account_balance ORDER BY account")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).toBigInteger() + " " + rs.getLong(3)).list())
                .containsExactly(bob + " 200 3", alice + " 700 2");
        assertThat(jdbc.sql("SELECT balance FROM account_delegate WHERE delegator = ?").param(alice).query(java.math.BigDecimal.class).single())
                .as("copied beside the delegation").isEqualByComparingTo("700");
    }

    private static void transfer(JdbcClient jdbc, long block, String from, String to, long amount) {
        jdbc.sql("INSERT INTO token_transfer (tx_hash, log_index, from_account, to_account, amount, block_number) VALUES (?, 0, ?, ?, ?, ?)")
                .params("0x" + Long.toHexString(block), from, to, amount, block).update();
    }

    private static void event(JdbcClient jdbc, long block, String tx, String contract, String name, String summary) {
        jdbc.sql("""
                INSERT INTO chain_event (block_number, block_hash, block_time, tx_hash, log_index, contract, event_name, summary)
                VALUES (?, '0xhash', CURRENT_TIMESTAMP, ?, 0, ?, ?, ?)""")
                .params(block, tx, contract, name, summary).update();
    }
}
