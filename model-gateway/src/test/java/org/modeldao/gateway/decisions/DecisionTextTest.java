package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionTextTest {

    @Test
    void normal_text_comes_back_as_the_same_instance() {
        String plain = "constraints passed []; purpose research";
        assertThat(DecisionText.normal(plain, 4000)).isSameAs(plain);
    }

    @Test
    void control_characters_and_nul_become_visible_escapes() {
        assertThat(DecisionText.normal("a\u0000b\nc\u007fd\u0085", 200)).isEqualTo("a\\u0000b\\u000ac\\u007fd\\u0085");
    }

    @Test
    void text_longer_than_its_column_is_cut_with_a_marker_that_says_how_much() {
        String cut = DecisionText.normal("v".repeat(250), 200);
        assertThat(cut).hasSize(200).startsWith("vvv").endsWith("\u2026[+56]");
        assertThat(DecisionText.normal("v".repeat(100_000), 200)).hasSize(200).endsWith("\u2026[+99809]");
    }

    @Test
    void a_surrogate_pair_is_kept_whole_and_a_lone_surrogate_is_escaped() {
        assertThat(DecisionText.normal("ok \ud83d\ude00", 200)).isEqualTo("ok \ud83d\ude00");
        assertThat(DecisionText.normal("x\ud800y", 200)).isEqualTo("x\\ud800y");
        String cut = DecisionText.normal("\ud83d\ude00".repeat(150), 200);
        assertThat(cut.length()).isLessThanOrEqualTo(200);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf('\u2026') - 1))).isFalse();
    }

    @Test
    void normalising_twice_changes_nothing_so_a_stored_entry_hashes_the_same_when_read_back() {
        for (String attack : new String[] {"v".repeat(250), "a\u0000b", "\ud800".repeat(300), "\u0001".repeat(80)}) {
            String once = DecisionText.normal(attack, 200);
            assertThat(DecisionText.normal(once, 200)).isEqualTo(once);
        }
    }

    @Test
    void the_ascii_only_form_escapes_everything_beyond_ascii() {
        assertThat(DecisionText.asciiOnly("caf\u00e9 \ud83d\ude00", 200)).isEqualTo("caf\\u00e9 \\ud83d\\ude00");
    }

    @Test
    void recurring_text_is_scanned_once_and_never_lets_a_control_character_through() {
        String detail = "constraints passed []; sha256 " + "ab".repeat(32) + "; purpose research";
        assertThat(DecisionText.normalRecurring(detail, 4000)).isSameAs(detail);
        assertThat(DecisionText.normalRecurring(detail, 4000)).isSameAs(detail);
        String poisoned = detail + "\u0000";
        assertThat(DecisionText.normalRecurring(poisoned, 4000)).endsWith("research\\u0000");
        assertThat(DecisionText.normalRecurring(poisoned, 4000)).endsWith("research\\u0000");
        assertThat(DecisionText.normalRecurring(detail, 20)).hasSize(20).endsWith("]");
    }
}
