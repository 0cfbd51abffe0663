package org.modeldao.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryCsvTest {

    static HistoryEntry event(String summary) {
        return new HistoryEntry(42, Instant.parse("2026-11-25T12:00:00Z"), "0xabc", 3, "Governor", "VoteCast", summary,
                Optional.of(BigInteger.TEN));
    }

    @Test
    void fields_with_commas_quotes_and_newlines_are_quoted_per_rfc_4180() {
        String csv = HistoryCsv.of(List.of(event("voted for: \"good, solid\"\nmodel")));

        assertThat(csv).isEqualTo(HistoryCsv.HEADER + "\r\n"
                + "42,2026-11-25T12:00:00Z,0xabc,3,Governor,VoteCast,10,\"voted for: \"\"good, solid\"\"\nmodel\"\r\n");
    }

    @Test
    void a_reason_that_looks_like_a_spreadsheet_formula_is_defused() {
        assertThat(HistoryCsv.field("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(HistoryCsv.field("-1")).isEqualTo("'-1");
    }
}
