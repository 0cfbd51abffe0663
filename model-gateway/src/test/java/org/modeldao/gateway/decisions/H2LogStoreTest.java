package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The decision log's H2 store settings, on a file database as the gateway runs it by default. */
class H2LogStoreTest {

    static final DecisionEntry SERVED = new DecisionEntry("INFERENCE", "0xabc", "iris", "1", "served", "constraints passed []");

    @TempDir
    Path dir;

    /** Open until SHUTDOWN: closing the last connection would otherwise write everything out. */
    String url() {
        return "jdbc:h2:file:" + dir.resolve("decisions") + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void a_stored_decision_survives_the_database_dying_once_the_write_delay_has_passed() throws Exception {
        DecisionFixture db = new DecisionFixture(url(), "sa", "h2");
        H2LogStore.tune(db.owner);
        db.owner.execute("CHECKPOINT"); // the empty table is on file first: what is asked is whether the entry gets there
        try (DecisionLog log = db.newLog()) {
            log.record(SERVED);
            log.flush();
        }
        // H2's background writer stores within the write delay and its own rest (a tenth of it): six times
        // that is ample here, and short of H2's default delay (500 ms), with which the entry is mostly lost
        Thread.sleep(6 * H2LogStore.WRITE_DELAY_MS);
        // as when the process dies: H2 closes its file without writing what it still holds
        db.owner.execute("SHUTDOWN IMMEDIATELY");

        JdbcTemplate reopened = new JdbcTemplate(new DriverManagerDataSource(url(), "sa", ""));
        assertThat(reopened.queryForObject("SELECT count(*) FROM decision_log WHERE caller = '0xabc'", Long.class))
                .isEqualTo(1);
        reopened.execute("SHUTDOWN");
    }

    @Test
    void the_page_cache_is_small_and_the_write_delay_short() {
        DecisionFixture db = new DecisionFixture(url(), "sa", "h2");
        H2LogStore.tune(db.owner);
        assertThat(setting(db.owner, "info.CACHE_MAX_SIZE")).isEqualTo("1"); // MB
        assertThat(setting(db.owner, "WRITE_DELAY")).isEqualTo(Integer.toString(H2LogStore.WRITE_DELAY_MS));
        db.owner.execute("SHUTDOWN");
    }

    @Test
    void a_user_who_may_not_change_them_leaves_h2s_defaults_and_the_log_starts() {
        DecisionFixture db = new DecisionFixture(url(), "sa", "h2");
        db.owner.execute("CREATE USER appender PASSWORD 'p'");
        // the database is open already; only an admin may give DB_CLOSE_DELAY
        JdbcTemplate appender = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("decisions"),
                "appender", "p"));
        assertThatCode(() -> H2LogStore.tune(appender)).doesNotThrowAnyException();
        assertThat(setting(db.owner, "WRITE_DELAY")).isEqualTo("500");
        db.owner.execute("SHUTDOWN");
    }

    static String setting(JdbcTemplate jdbc, String name) {
        // WRITE_DELAY is listed twice (the database's setting and its URL's), with one value
        return jdbc.queryForList("SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                String.class, name).stream().reduce((a, b) -> a + "," + b).orElseThrow();
    }
}
