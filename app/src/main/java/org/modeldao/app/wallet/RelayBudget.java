package org.modeldao.app.wallet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relayer's daily spending cap, kept in SQL so replicas on one database share it. A relay
 * reserves its worst case (gas limit × gas price) before it is sent — one conditional UPDATE, so
 * concurrent relays on any replica cannot together overshoot — and settles to what the receipt
 * says it cost. Days are UTC; rows older than {@link #KEPT_DAYS} are deleted.
 */
public final class RelayBudget {

    static final int KEPT_DAYS = 90;
    private static final BigDecimal WEI_PER_ETH = BigDecimal.TEN.pow(18);

    private final JdbcClient jdbc;
    private final BigInteger capWei;
    private final Clock clock;
    private final Counter spentWei;

    public RelayBudget(JdbcClient jdbc, BigDecimal dailyCapEth, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.capWei = dailyCapEth.multiply(WEI_PER_ETH).toBigInteger();
        this.clock = clock;
        this.spentWei = Counter.builder("relayer_spent_wei").description("Wei the relayer paid for gas (gas used x price, from receipts)")
                .register(meters);
    }

    /** A worst-case cost held against one day's cap until the transaction is settled or released. */
    public record Reservation(LocalDate day, BigInteger wei) {
    }

    /** Today's cap, spending and reservations (ETH figures for people, wei for checks). */
    public record Status(BigInteger capWei, BigInteger spentWei, BigInteger reservedWei, Duration untilReset) {

        public BigInteger remainingWei() {
            return capWei.subtract(spentWei).subtract(reservedWei).max(BigInteger.ZERO);
        }

        public boolean exhausted() {
            return remainingWei().signum() == 0;
        }

        /** e.g. "0.0412 of 0.05 ETH left today (resets in 7 h 12 min)". */
        public String describe() {
            long minutes = untilReset.toMinutes();
            return eth(remainingWei()) + " of " + eth(capWei) + " ETH left today for gas the relayer pays (resets in "
                    + (minutes / 60) + " h " + (minutes % 60) + " min, 00:00 UTC)";
        }

        /** Six decimals, rounded down: the page never shows more budget than there is. */
        private static String eth(BigInteger wei) {
            return new BigDecimal(wei).divide(WEI_PER_ETH).setScale(6, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
        }
    }

    /** Holds {@code maxWei} against today's cap; empty (and nothing held) when it does not fit. */
    public Optional<Reservation> reserve(BigInteger maxWei) {
        LocalDate day = today();
        ensureRow(day);
        int updated = jdbc.sql("update relayer_spending set reserved_wei = reserved_wei + :amount "
                        + "where spending_day = :day and spent_wei + reserved_wei + :amount <= :cap")
                .param("amount", new BigDecimal(maxWei)).param("day", day).param("cap", new BigDecimal(capWei))
                .update();
        return updated == 1 ? Optional.of(new Reservation(day, maxWei)) : Optional.empty();
    }

    /** The transaction was mined (or its fate is unknown, then {@code actualWei} is the reservation): count what it cost. */
    public void settle(Reservation reservation, BigInteger actualWei) {
        jdbc.sql("update relayer_spending set reserved_wei = reserved_wei - :reserved, spent_wei = spent_wei + :actual "
                        + "where spending_day = :day")
                .param("reserved", new BigDecimal(reservation.wei())).param("actual", new BigDecimal(actualWei))
                .param("day", reservation.day()).update();
        spentWei.increment(actualWei.doubleValue());
    }

    /** Nothing was sent: give the reservation back. */
    public void release(Reservation reservation) {
        jdbc.sql("update relayer_spending set reserved_wei = reserved_wei - :reserved where spending_day = :day")
                .param("reserved", new BigDecimal(reservation.wei())).param("day", reservation.day()).update();
    }

    public Status status() {
        LocalDate day = today();
        var row = jdbc.sql("select spent_wei, reserved_wei from relayer_spending where spending_day = :day").param("day", day)
                .query((rs, n) -> new BigInteger[] {rs.getBigDecimal(1).toBigInteger(), rs.getBigDecimal(2).toBigInteger()})
                .optional().orElse(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
        Duration untilReset = Duration.between(clock.instant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new Status(capWei, row[0], row[1], untilReset);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void ensureRow(LocalDate day) {
        if (jdbc.sql("select count(*) from relayer_spending where spending_day = :day").param("day", day).query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into relayer_spending (spending_day, spent_wei, reserved_wei) values (:day, 0, 0)").param("day", day).update();
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            return;
        }
        jdbc.sql("delete from relayer_spending where spending_day < :oldest").param("oldest", day.minusDays(KEPT_DAYS)).update();
    }
}
