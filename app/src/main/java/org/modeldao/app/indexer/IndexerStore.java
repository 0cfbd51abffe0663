package org.modeldao.app.indexer;

import java.math.BigInteger;
import java.time.Clock;
import javax.sql.DataSource;
import org.modeldao.contracts.events.OperationLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The indexer's database side, built from one DataSource. */
record IndexerStore(JdbcClient jdbc, TransactionTemplate transactions, IndexerCursor cursor, BatchWriter writer,
        ReadModelRollback rollback, Clock clock) {

    static IndexerStore on(DataSource dataSource, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        JdbcClient jdbc = JdbcClient.create(template);
        return new IndexerStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new IndexerCursor(jdbc, clock), new BatchWriter(template), new ReadModelRollback(jdbc), clock);
    }

    /** The proposals of the timelock operations stored so far: how the stream attributes a direct execution on the timelock. */
    OperationLookup operations() {
        return operation -> jdbc.sql("SELECT proposal_id FROM timelock_operation WHERE operation_id = ?").param(operation)
                .query(String.class).optional().map(BigInteger::new);
    }
}
