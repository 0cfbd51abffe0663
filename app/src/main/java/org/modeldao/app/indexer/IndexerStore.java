package org.modeldao.app.indexer;

import java.time.Clock;
import javax.sql.DataSource;
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
}
