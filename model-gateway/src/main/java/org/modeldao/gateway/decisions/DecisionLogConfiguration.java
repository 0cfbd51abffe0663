package org.modeldao.gateway.decisions;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the audit log, its verifier, its readiness indicator and its meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DecisionLogSettings.class)
class DecisionLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogConfiguration.class);

    @Bean(destroyMethod = "close")
    DecisionLog auditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, DecisionLogSettings settings) {
        warnIfTheRuntimeRoleOwnsTheLog(jdbc);
        return new DecisionLog(jdbc, new TransactionTemplate(transactions), clock, settings, new Checkpointer(
                settings.journal(), settings.checkpointKey(), settings.checkpointKeyFile(), settings.checkpointEvery(),
                clock));
    }

    @Bean
    DecisionChainVerifier auditChainVerifier(JdbcTemplate jdbc, DecisionLogSettings settings) {
        return new DecisionChainVerifier(jdbc, settings.witness());
    }

    /** "auditWriter" in the readiness group (application.yml). */
    @Bean
    DecisionWriterHealthIndicator auditWriterHealthIndicator(DecisionLog audit) {
        return new DecisionWriterHealthIndicator(audit);
    }

    @Bean
    MeterBinder auditWriterMeters(DecisionLog audit) {
        return meters -> bind(audit, meters);
    }

    /** Whoever owns the tables can drop the triggers: then only the signed checkpoints protect the log. */
    private static void warnIfTheRuntimeRoleOwnsTheLog(JdbcTemplate jdbc) {
        Boolean owns = jdbc.execute((java.sql.Connection c) -> {
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                log.info("audit log on {}: no database roles protect it, the signed checkpoints reveal a shortened"
                        + " or rewritten chain", c.getMetaData().getDatabaseProductName());
                return false;
            }
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT pg_has_role(current_user,"
                    + " (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'), 'USAGE')"
                    + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (Boolean.TRUE.equals(owns)) {
            log.warn("the gateway's database role owns the audit log (or is a superuser): it could drop the append-only"
                    + " triggers; run the gateway as a separate role (GATEWAY_DB_USER / GATEWAY_DB_OWNER, postgres"
                    + " profile). The signed checkpoints still reveal a shortened or rewritten chain.");
        }
    }

    private static void bind(DecisionLog audit, MeterRegistry meters) {
        Gauge.builder("gateway.audit.backlog", audit, a -> a.status().backlog())
                .description("audit entries recorded but not yet stored").register(meters);
        Gauge.builder("gateway.audit.last.success.age", audit, a -> a.status().lastSuccessAgeMillis() / 1000.0)
                .baseUnit("seconds").description("time since the audit writer last stored a batch").register(meters);
        FunctionCounter.builder("gateway.audit.write.failures", audit, a -> a.status().writeFailures())
                .description("audit writes the database refused (each attempt)").register(meters);
        FunctionCounter.builder("gateway.audit.ascii.only.entries", audit, a -> a.status().asciiOnlyEntries())
                .description("entries the database refused in normal form, stored ASCII-only and flagged")
                .register(meters);
        FunctionCounter.builder("gateway.audit.refused.calls", audit, a -> a.status().refusedCalls())
                .description("calls refused (503) because the audit queue stayed full").register(meters);
    }
}
