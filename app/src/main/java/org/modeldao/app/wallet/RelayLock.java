package org.modeldao.app.wallet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Serialises the relayer's sends: one account has one nonce sequence, so choosing a nonce,
 * sending and waiting for the receipt must happen one relay at a time — across every replica
 * using the same relayer key, else two replicas read the same pending nonce and one transaction
 * fails with "nonce too low".
 * <ul>
 *   <li>In the process: a fair lock, so one replica keeps at most one database connection waiting.</li>
 *   <li>On PostgreSQL (replicas share the database): a transaction-scoped advisory lock keyed by
 *       the relayer's address, held while the relay runs and released by commit — or by
 *       PostgreSQL itself when the replica dies.</li>
 *   <li>On H2 (embedded, in-memory: one instance by definition) the in-process lock is all there is.</li>
 * </ul>
 * Both waits are bounded: a relay that cannot get its turn in {@code maxWait} is refused, never queued forever.
 */
public final class RelayLock {

    private final ReentrantLock inProcess = new ReentrantLock(true);
    private final Optional<DataSource> postgres;
    private final long advisoryKey;
    private final Duration maxWait;

    private RelayLock(Optional<DataSource> postgres, long advisoryKey, Duration maxWait) {
        this.postgres = postgres;
        this.advisoryKey = advisoryKey;
        this.maxWait = maxWait;
    }

    /** For one process only (H2, tests of a single instance). */
    public static RelayLock inProcess(Duration maxWait) {
        return new RelayLock(Optional.empty(), 0, maxWait);
    }

    /** Across replicas when {@code dataSource} is PostgreSQL; in-process otherwise (an embedded database has one instance). */
    public static RelayLock forDatabase(DataSource dataSource, String relayerAddress, Duration maxWait) {
        return new RelayLock(isPostgres(dataSource) ? Optional.of(dataSource) : Optional.empty(), keyOf(relayerAddress), maxWait);
    }

    /** Whether relays are serialised across replicas (PostgreSQL) or only within this process. */
    public boolean acrossReplicas() {
        return postgres.isPresent();
    }

    /**
     * Runs {@code relay} holding the lock.
     *
     * @throws RelayerBusy if the turn does not come within the maximum wait
     */
    public <T> T holding(Supplier<T> relay) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!inProcess.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RelayerBusy(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayerBusy(maxWait);
        }
        try {
            return postgres.isEmpty() ? relay.get() : holdingAdvisoryLock(postgres.get(), relay, deadline);
        } finally {
            inProcess.unlock();
        }
    }

    private <T> T holdingAdvisoryLock(DataSource dataSource, Supplier<T> relay, long deadline) {
        long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var timeout = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
                    timeout.setString(1, leftMillis + "ms");
                    timeout.execute();
                }
                try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, advisoryKey);
                    lock.execute();
                } catch (SQLException e) {
                    if ("55P03".equals(e.getSQLState())) {
                        throw new RelayerBusy(maxWait);
                    }
                    throw e;
                }
                return relay.get();
            } finally {
                // commit or roll back alike: nothing was written on this connection, ending the transaction frees the lock
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the relayer's lock in the database: " + e.getMessage(), e);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product: " + e.getMessage(), e);
        }
    }

    /** 64 bits of keccak256("modeldao-relayer:" + address): one lock per relayer account, apart from the indexer's. */
    static long keyOf(String relayerAddress) {
        byte[] hash = Hash.sha3(("modeldao-relayer:" + relayerAddress.toLowerCase()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Numeric.toBigInt(hash, 0, 8).longValue();
    }

    /** Another relay held the relayer for longer than the maximum wait. */
    public static final class RelayerBusy extends RuntimeException {

        RelayerBusy(Duration maxWait) {
            super("The relayer is busy with other members' transactions (waited " + maxWait.toSeconds()
                    + " s); try again in a moment or send it from your wallet.");
        }
    }
}
