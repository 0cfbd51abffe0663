package org.modeldao.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.devchain.DevChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Two app replicas (two relayers, two connection pools) sharing one PostgreSQL database and one
 * relayer key on one Hardhat node, 40 relays at once. With the advisory lock every relay is
 * mined, each with its own nonce, and the spend stays within the daily cap; with only each
 * replica's own lock (as before) the replicas pick the same nonce and relays fail.
 */
class RelayerReplicasPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(RelayerReplicasPostgresIT.class);
    private static final int RELAYS = 40;
    private static final BigDecimal CAP_ETH = new BigDecimal("0.05");
    private static final RelayerProperties LIMITS = new RelayerProperties(CAP_ETH, new RelayerProperties.Quota(1_000, Duration.ofHours(1)),
            new RelayerProperties.Quota(1_000, Duration.ofHours(1)), 1_000, 500_000L);

    private static DevChain chain;

    @BeforeAll
    static void startChain() {
        chain = DevChain.start();
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void with_the_advisory_lock_two_replicas_relay_concurrently_without_a_nonce_error_and_within_the_cap() throws Exception {
        Credentials relayerKey = chain.accounts().get(17);
        try (TestDatabase database = TestDatabase.postgres(); var secondReplica = database.anotherPool()) {
            Result result = relayConcurrently(relayerKey, database.dataSource(), secondReplica,
                    (dataSource, address) -> RelayLock.forDatabase(dataSource, address, Relayer.RELAY_TURN_WAIT));
            log.info("With the advisory lock: {} of {} relays mined, {} failed ({}), spent {} wei of a {} ETH cap",
                    result.relayed(), RELAYS, result.failures().size(), result.failures(), result.spentWei(), CAP_ETH);

            assertThat(RelayLock.forDatabase(database.dataSource(), relayerKey.getAddress(), Duration.ofSeconds(1)).acrossReplicas()).isTrue();
            assertThat(result.failures()).isEmpty();
            assertThat(result.relayed()).isEqualTo(RELAYS);
            assertThat(result.nonceAdvance()).as("one nonce per relay, none skipped or reused").isEqualTo(RELAYS);
            assertThat(result.balanceDrop()).as("what the key paid is what the ledger counted").isEqualTo(result.spentWei());
            assertThat(result.spentWei()).isPositive().isLessThanOrEqualTo(CAP_ETH.multiply(BigDecimal.TEN.pow(18)).toBigInteger());
        }
    }

    @Test
    void with_only_a_lock_per_replica_the_replicas_collide_on_the_nonce() throws Exception {
        Credentials relayerKey = chain.accounts().get(16);
        try (TestDatabase database = TestDatabase.postgres(); var secondReplica = database.anotherPool()) {
            Result result = relayConcurrently(relayerKey, database.dataSource(), secondReplica,
                    (dataSource, address) -> RelayLock.inProcess(Relayer.RELAY_TURN_WAIT));
            log.info("With a lock per replica only: {} of {} relays mined, {} failed: {}", result.relayed(), RELAYS,
                    result.failures().size(), result.failures());

            assertThat(result.failures()).as("the check above can fail: without the shared lock nonces collide").isNotEmpty()
                    .anyMatch(reason -> reason.toLowerCase().contains("nonce"));
        }
    }

    private Result relayConcurrently(Credentials relayerKey, DataSource first, DataSource second,
            BiFunction<DataSource, String, RelayLock> lockOf) throws Exception {
        BigInteger balanceBefore = balance(relayerKey.getAddress());
        BigInteger nonceBefore = nonce(relayerKey.getAddress());
        List<Relayer> replicas = new ArrayList<>();
        List<RelayBudget> budgets = new ArrayList<>();
        for (DataSource pool : List.of(first, second)) {
            RelayBudget budget = new RelayBudget(JdbcClient.create(pool), CAP_ETH, Clock.systemUTC(), new SimpleMeterRegistry());
            budgets.add(budget);
            replicas.add(new Relayer(chain.web3j(), Optional.of(relayerKey), chain.chainId(), budget, LIMITS,
                    lockOf.apply(pool, relayerKey.getAddress())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(RELAYS);
        List<Callable<String>> relays = new ArrayList<>();
        for (int i = 0; i < RELAYS; i++) {
            Relayer replica = replicas.get(i % 2);
            String recipient = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));
            String signer = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));
            relays.add(() -> {
                try {
                    RelayOutcome outcome = replica.relay(recipient, "0x", "test call", signer);
                    return outcome instanceof RelayOutcome.Refused refused ? refused.reason() : null;
                } catch (RuntimeException e) {
                    return String.valueOf(e.getMessage()) + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
                }
            });
        }
        List<String> failures = new ArrayList<>();
        for (Future<String> relay : pool.invokeAll(relays)) {
            Optional.ofNullable(relay.get()).ifPresent(failures::add);
        }
        pool.shutdown();
        return new Result(RELAYS - failures.size(), failures, budgets.getFirst().status().spentWei(),
                balanceBefore.subtract(balance(relayerKey.getAddress())),
                nonce(relayerKey.getAddress()).subtract(nonceBefore).intValueExact());
    }

    private static BigInteger balance(String address) throws Exception {
        return chain.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    private static BigInteger nonce(String address) throws Exception {
        return chain.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
    }

    private record Result(int relayed, List<String> failures, BigInteger spentWei, BigInteger balanceDrop, int nonceAdvance) {
    }
}
