package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static BigInteger tokens(String amount) {
        return new BigDecimal(amount).movePointRight(Formats.TOKEN_DECIMALS).toBigIntegerExact();
    }

    @Test
    void counts_get_thousands_separators() {
        assertThat(Formats.number(40_000)).isEqualTo("40,000");
        assertThat(Formats.number(0)).isEqualTo("0");
        assertThat(Formats.number(-1_234_567)).isEqualTo("-1,234,567");
    }

    @Test
    void whole_token_amounts_have_no_decimals() {
        assertThat(Formats.tokens(tokens("40000"))).isEqualTo("40,000");
        assertThat(Formats.tokens(BigInteger.ZERO)).isEqualTo("0");
    }

    @Test
    void fractional_token_amounts_are_cut_to_two_decimals_never_rounded_up() {
        assertThat(Formats.tokens(tokens("1234.5"))).isEqualTo("1,234.50");
        assertThat(Formats.tokens(tokens("0.999"))).isEqualTo("0.99");
        assertThat(Formats.tokens(BigInteger.ONE)).isEqualTo("0");
    }

    @Test
    void the_servers_locale_does_not_change_the_text() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Formats.number(40_000)).isEqualTo("40,000");
            assertThat(Formats.tokens(tokens("1234.5"))).isEqualTo("1,234.50");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void times_are_written_in_utc_and_block_times_say_they_are_chain_time() {
        Instant at = Instant.parse("2026-12-05T12:25:07.123Z");
        assertThat(Formats.dateTime(at)).isEqualTo("2026-12-05 12:25:07 UTC");
        assertThat(Formats.chainTime(at)).isEqualTo("2026-12-05 12:25:07 UTC (chain time)");
    }

    @Test
    void time_left_is_written_coarsely_enough_for_an_estimate() {
        assertThat(Formats.duration(java.time.Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(Formats.duration(java.time.Duration.ofSeconds(249))).isEqualTo("4 min 09 s");
        assertThat(Formats.duration(java.time.Duration.ofMinutes(185))).isEqualTo("3 h 05 min");
        assertThat(Formats.duration(java.time.Duration.ofHours(51).plusMinutes(59))).isEqualTo("2 d 3 h");
        assertThat(Formats.duration(java.time.Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void relative_times_use_the_largest_whole_unit_in_the_past_and_the_future() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        assertThat(Formats.relative(now.minusSeconds(10), now)).isEqualTo("just now");
        assertThat(Formats.relative(now.plusSeconds(10), now)).isEqualTo("just now");
        assertThat(Formats.relative(now.minusSeconds(50), now)).isEqualTo("1 minute ago");
        assertThat(Formats.relative(now.minusSeconds(3 * 60), now)).isEqualTo("3 minutes ago");
        assertThat(Formats.relative(now.minusSeconds(3_599), now)).isEqualTo("59 minutes ago");
        assertThat(Formats.relative(now.minusSeconds(2 * 3_600 + 1_799), now)).isEqualTo("2 hours ago");
        assertThat(Formats.relative(now.plusSeconds(2 * 86_400), now)).isEqualTo("in 2 days");
        assertThat(Formats.relative(now.minusSeconds(45L * 86_400), now)).isEqualTo("1 month ago");
        assertThat(Formats.relative(now.minusSeconds(3 * 365L * 86_400), now)).isEqualTo("3 years ago");
    }
}
