package org.modeldao.gateway.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** An audit log on a migrated database, H2 or PostgreSQL. */
final class AuditFixture {

    final DataSource dataSource;
    final JdbcTemplate jdbc;

    AuditFixture(String url, String user, String vendor) {
        dataSource = new DriverManagerDataSource(url, user, "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    AuditLog newLog() {
        return new AuditLog(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC());
    }

    AuditChainVerifier verifier() {
        return new AuditChainVerifier(jdbc);
    }

    static AuditEntry inference(int n) {
        return new AuditEntry("INFERENCE", "0xabc", "iris", "1", "served", "constraints passed [] #" + n);
    }
}
