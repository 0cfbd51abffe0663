package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainClockTest {

    private static final Instant T = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void the_average_block_time_is_measured_over_the_sampled_blocks() {
        ChainClock clock = ChainClock.measured(1_100, T, 1_000, T.minusSeconds(1_200));

        assertThat(clock.averageBlockTime()).isEqualTo(Duration.ofSeconds(12));
        assertThat(clock.untilBlock(1_110)).isEqualTo(Duration.ofSeconds(120));
        assertThat(clock.untilBlock(1_100)).isZero();
        assertThat(clock.untilBlock(900)).isZero();
    }

    @Test
    void blocks_mined_within_the_same_second_count_as_one_second_each() {
        ChainClock clock = ChainClock.measured(50, T, 0, T);

        assertThat(clock.averageBlockTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(clock.untilBlock(60)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_timelock_is_counted_in_chain_time_not_the_servers() {
        ChainClock clock = ChainClock.measured(10, T, 0, T.minusSeconds(20));

        assertThat(clock.untilChainTime(T.plusSeconds(3_600))).isEqualTo(Duration.ofHours(1));
        assertThat(clock.untilChainTime(T.minusSeconds(1))).isZero();
    }
}
