package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainTextTest {

    @Test
    void nul_and_control_characters_become_visible_escapes_while_tabs_and_newlines_stay() {
        assertThat(ChainText.of("x\u0000", 100)).isEqualTo("x\\u0000");
        assertThat(ChainText.of("a\u0007b\u001bc\u007fd\u0085e\u202ef", 100)).isEqualTo("a\\u0007b\\u001Bc\\u007Fd\\u0085e\\u202Ef");
        assertThat(ChainText.of("line\nnext\ttab\r\n", 100)).isEqualTo("line\nnext\ttab\r\n");
    }

    @Test
    void unpaired_surrogates_are_replaced_and_pairs_kept() {
        assertThat(ChainText.of("a\uD800b\uDC00c", 100)).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(ChainText.of("smile \uD83D\uDE00", 100)).isEqualTo("smile \uD83D\uDE00");
    }

    @Test
    void invalid_utf8_bytes_are_replaced() {
        assertThat(ChainText.ofUtf8(new byte[] {'o', 'k', (byte) 0xC3, 0x28, (byte) 0xFF, 0}, 100)).isEqualTo("ok\uFFFD(\uFFFD\\u0000");
    }

    @Test
    void text_longer_than_its_column_is_cut_with_a_marker_and_never_exceeds_the_column() {
        String capped = ChainText.of("y".repeat(100_000), 300);
        assertThat(capped).hasSize(300).startsWith("yyyy").endsWith("… [" + (100_000 - capped.indexOf('…')) + " more characters not stored]");
        assertThat(ChainText.of("short", 300)).isEqualTo("short");
        assertThat(ChainText.of("\u0000".repeat(1000), 60)).hasSizeLessThanOrEqualTo(60).doesNotContain("\u0000");
    }

    @Test
    void a_surrogate_pair_is_never_split_by_the_cut() {
        String text = "\uD83D\uDE00".repeat(1000);
        String capped = ChainText.of(text, 301);
        assertThat(capped.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        assertThat(ChainText.escape(capped)).isEqualTo(capped);
    }

    @Test
    void cleaning_twice_changes_nothing() {
        String once = ChainText.of("a\u0000b".repeat(5000) + "\uD800", 2000);
        assertThat(ChainText.of(once, 2000)).isEqualTo(once);
    }
}
