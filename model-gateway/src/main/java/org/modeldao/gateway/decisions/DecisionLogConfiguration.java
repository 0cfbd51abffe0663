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

/** Wires the decision log, its verifier, its readiness indicator and its meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DecisionLogSettings.class, DecisionArchiveSettings.class})
class DecisionLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogConfiguration.class);

    @Bean(destroyMethod = "close")
    DecisionLog decisionLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, DecisionLogSettings settings) {
        settings.refuseFilesUnderFormerNames();
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        warnIfTheRuntimeRoleOwnsTheLog(jdbc, database);
        if ("H2".equals(database)) {
            H2LogStore.tune(jdbc);
        }
        return new DecisionLog(jdbc, new TransactionTemplate(transactions), clock, settings, new Checkpointer(
                settings.journal(), settings.checkpointKey(), settings.checkpointKeyFile(), settings.checkpointEvery(),
                clock));
    }

    @Bean
    DecisionChainVerifier decisionChainVerifier(JdbcTemplate jdbc, DecisionLogSettings settings,
            DecisionArchiveSettings archive) {
        settings.refuseFilesUnderFormerNames();
        return new DecisionChainVerifier(jdbc, settings.witness(), archive.dir());
    }

    @Bean
    DecisionArchiver decisionArchiver(JdbcTemplate jdbc, DecisionArchiveSettings archive, Clock clock) {
        return new DecisionArchiver(jdbc, archive, clock);
    }

    /** The gateway's own archiving, when {@code archive.every} is set and its role may archive. */
    @Bean(destroyMethod = "close")
    ArchiveSchedule decisionArchiveSchedule(DecisionArchiver archiver, JdbcTemplate jdbc, DecisionArchiveSettings archive) {
        return ArchiveSchedule.start(archiver, jdbc, archive.every());
    }

    /** "decisionWriter" in the readiness group (application.yml). */
    @Bean
    DecisionWriterHealthIndicator decisionWriterHealthIndicator(DecisionLog decisions) {
        return new DecisionWriterHealthIndicator(decisions);
    }

    @Bean
    MeterBinder decisionWriterMeters(DecisionLog decisions) {
        return meters -> bind(decisions, meters);
    }

    /** Whoever owns the tables can drop the triggers: then only the signed checkpoints protect the log. */
    private static void warnIfTheRuntimeRoleOwnsTheLog(JdbcTemplate jdbc, String database) {
        if (!"PostgreSQL".equals(database)) {
            log.info("decision log on {}: no database roles protect it, the signed checkpoints reveal a shortened"
                    + " or rewritten chain", database);
            return;
        }
        Boolean owns = jdbc.execute((java.sql.Connection c) -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT pg_has_role(current_user,"
                    + " (SELECT tableowner FROM pg_tables WHERE tablename = 'decision_log'), 'USAGE')"
                    + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (Boolean.TRUE.equals(owns)) {
            log.warn("the gateway's database role owns the decision log (or is a superuser): it could drop the append-only"
                    + " triggers; run the gateway as a separate role (GATEWAY_DB_USER / GATEWAY_DB_OWNER, postgres"
                    + " profile). The signed checkpoints still reveal a shortened or rewritten chain.");
        }
    }

    private static void bind(DecisionLog decisions, MeterRegistry meters) {
        Gauge.builder("gateway.decision.log.backlog", decisions, d -> d.status().backlog())
                .description("decision log entries recorded but not yet stored").register(meters);
        Gauge.builder("gateway.decision.log.last.success.age", decisions, d -> d.status().lastSuccessAgeMillis() / 1000.0)
                .baseUnit("seconds").description("time since the decision writer last stored a batch").register(meters);
        FunctionCounter.builder("gateway.decision.log.write.failures", decisions, d -> d.status().writeFailures())
                .description("decision log writes the database refused (each attempt)").register(meters);
        FunctionCounter.builder("gateway.decision.log.ascii.only.entries", decisions, d -> d.status().asciiOnlyEntries())
                .description("entries the database refused in normal form, stored ASCII-only and flagged")
                .register(meters);
        FunctionCounter.builder("gateway.decision.log.refused.calls", decisions, d -> d.status().refusedCalls())
                .description("calls refused (503) because the decision log queue stayed full").register(meters);
    }
}
