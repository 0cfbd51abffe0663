package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlockPaceTest {

    private static final Instant HEAD_TIME = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void the_pace_is_the_average_time_between_the_measured_blocks() {
        BlockPace pace = BlockPace.between(900, HEAD_TIME.minusSeconds(1200), 1000, HEAD_TIME);

        assertThat(pace.perBlock()).contains(Duration.ofSeconds(12));
        // 50 blocks after the head: 600 s after the head's time, of which 60 s have passed
        assertThat(pace.timeUntil(1050, HEAD_TIME.plusSeconds(60))).contains(Duration.ofSeconds(540));
    }

    @Test
    void a_mined_block_or_one_already_overdue_is_no_time_away() {
        BlockPace pace = BlockPace.between(900, HEAD_TIME.minusSeconds(1200), 1000, HEAD_TIME);

        assertThat(pace.timeUntil(1000, HEAD_TIME)).contains(Duration.ZERO);
        assertThat(pace.timeUntil(990, HEAD_TIME)).contains(Duration.ZERO);
        assertThat(pace.timeUntil(1001, HEAD_TIME.plusSeconds(3600))).contains(Duration.ZERO);
    }

    @Test
    void a_chain_without_steady_blocks_gives_no_estimate() {
        assertThat(BlockPace.between(1000, HEAD_TIME, 1000, HEAD_TIME).timeUntil(1050, HEAD_TIME)).isEmpty();
        // blocks mined on demand within one second: no time passed between them
        assertThat(BlockPace.between(900, HEAD_TIME, 1000, HEAD_TIME).timeUntil(1050, HEAD_TIME)).isEmpty();
    }

    @Test
    void spans_read_as_people_say_them() {
        assertThat(Formats.duration(Duration.ofSeconds(59))).isEqualTo("less than a minute");
        assertThat(Formats.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(Formats.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(Formats.duration(Duration.ofDays(2))).isEqualTo("2 d");
    }
}
