package org.modeldao.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modeldao.app.support.MutableClock;
import org.modeldao.app.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily cap shared by two app instances (two connection pools) on one database, H2 and
 * PostgreSQL: concurrent reservations never hold more than the cap, settling counts what was
 * really paid, and a new UTC day starts a fresh budget.
 */
class RelayBudgetIT {

    private static final BigInteger ONE_MILLI_ETH = BigInteger.TEN.pow(15);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void concurrent_reservations_from_two_replicas_never_exceed_the_cap(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.of(kind); var secondReplica = database.anotherPool()) {
            MutableClock clock = new MutableClock();
            RelayBudget first = new RelayBudget(JdbcClient.create(database.dataSource()), new BigDecimal("0.01"), clock, new SimpleMeterRegistry());
            RelayBudget second = new RelayBudget(JdbcClient.create(secondReplica), new BigDecimal("0.01"), clock, new SimpleMeterRegistry());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Optional<RelayBudget.Reservation>>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RelayBudget replica = i % 2 == 0 ? first : second;
                attempts.add(() -> replica.reserve(ONE_MILLI_ETH));
            }
            List<RelayBudget.Reservation> held = new ArrayList<>();
            for (Future<Optional<RelayBudget.Reservation>> attempt : pool.invokeAll(attempts)) {
                attempt.get().ifPresent(held::add);
            }
            pool.shutdown();

            assertThat(held).as("0.01 ETH holds ten reservations of 0.001").hasSize(10);
            assertThat(first.status().reservedWei()).isEqualTo(ONE_MILLI_ETH.multiply(BigInteger.TEN));
            assertThat(second.reserve(BigInteger.ONE)).isEmpty();

            // settled at half the worst case each: half the cap comes back
            held.forEach(r -> first.settle(r, ONE_MILLI_ETH.divide(BigInteger.TWO)));
            assertThat(second.status().spentWei()).isEqualTo(ONE_MILLI_ETH.multiply(BigInteger.valueOf(5)));
            assertThat(second.status().remainingWei()).isEqualTo(ONE_MILLI_ETH.multiply(BigInteger.valueOf(5)));
            Optional<RelayBudget.Reservation> released = second.reserve(ONE_MILLI_ETH);
            second.release(released.orElseThrow());
            assertThat(first.status().reservedWei()).isZero();

            clock.advance(first.status().untilReset().plusSeconds(1));
            assertThat(first.status().spentWei()).as("a new UTC day").isZero();
            assertThat(first.status().describe()).startsWith("0.01 of 0.01 ETH left today");
            assertThat(first.reserve(ONE_MILLI_ETH)).isPresent();
        }
    }
}
