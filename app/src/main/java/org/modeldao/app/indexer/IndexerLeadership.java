package org.modeldao.app.indexer;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which app instance indexes when several share one database: only the holder of the
 * lock writes the read model; the others serve views from it and stand by.
 */
interface IndexerLeadership extends AutoCloseable {

    /** True while this instance leads; tries to become leader when it does not. */
    boolean tryLead();

    /** Gives leadership up (another instance may take over at once). */
    @Override
    void close();

    /** PostgreSQL session advisory lock on a dedicated connection; an embedded database has one instance only. */
    static IndexerLeadership forDatabase(DataSource dataSource, String governorAddress) {
        long key = ("modeldao-indexer:" + governorAddress.toLowerCase(java.util.Locale.ROOT)).hashCode();
        try (Connection connection = dataSource.getConnection()) {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return new AdvisoryLockLeadership(dataSource, key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to choose the indexer's leadership: " + e.getMessage(), e);
        }
        LoggerFactory.getLogger(IndexerLeadership.class).info("Embedded database: this instance is the only indexer");
        return new SoleInstance();
    }

    /** For a database only this process uses. */
    final class SoleInstance implements IndexerLeadership {
        @Override
        public boolean tryLead() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /**
     * Holds {@code pg_try_advisory_lock(key)} on a connection kept out of the pool. The lock lives
     * as long as that session: if this instance dies or loses its connection, PostgreSQL releases
     * it and a standby instance takes over on its next poll.
     */
    final class AdvisoryLockLeadership implements IndexerLeadership {

        private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);

        private final DataSource dataSource;
        private final long key;
        private Connection held;

        AdvisoryLockLeadership(DataSource dataSource, long key) {
            this.dataSource = dataSource;
            this.key = key;
        }

        @Override
        public synchronized boolean tryLead() {
            if (held != null) {
                if (isAlive(held)) {
                    return true;
                }
                log.warn("Lost the indexer lock's database connection; trying to lead again");
                closeQuietly(held);
                held = null;
            }
            try {
                Connection connection = dataSource.getConnection();
                if (tryLock(connection)) {
                    held = connection;
                    log.info("This instance now runs the chain indexer (advisory lock {})", key);
                    return true;
                }
                connection.close();
                return false;
            } catch (SQLException e) {
                log.warn("Cannot ask for the indexer lock: {}", e.getMessage());
                return false;
            }
        }

        private boolean tryLock(Connection connection) throws SQLException {
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (var result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        }

        private static boolean isAlive(Connection connection) {
            try {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public synchronized void close() {
            if (held == null) {
                return;
            }
            try (var statement = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                log.debug("Could not unlock explicitly (the session end releases it): {}", e.getMessage());
            }
            closeQuietly(held);
            held = null;
        }

        private static void closeQuietly(Connection connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection itself
            }
        }
    }
}
