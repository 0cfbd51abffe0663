package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:28:07Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void a_moment_reads_relative_with_the_absolute_time_on_hover_and_a_machine_readable_datetime() {
        RelativeTime time = RelativeTime.of(Instant.parse("2026-12-05T12:25:07Z"), CLOCK);

        assertThat(time.getElement().getTag()).isEqualTo("time");
        assertThat(time.getText()).isEqualTo("3 minutes ago");
        assertThat(time.getTitle()).contains("2026-12-05 12:25:07 UTC");
        assertThat(time.getElement().getAttribute("datetime")).isEqualTo("2026-12-05T12:25:07Z");
    }

    @Test
    void a_block_time_says_on_hover_that_it_is_chain_time() {
        RelativeTime time = RelativeTime.ofChainTime(NOW.plusSeconds(2 * 3_600), CLOCK);

        assertThat(time.getText()).isEqualTo("in 2 hours");
        assertThat(time.getTitle()).contains("2026-12-05 14:28:07 UTC (chain time)");
    }
}
