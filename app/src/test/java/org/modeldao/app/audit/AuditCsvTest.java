package org.modeldao.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    static AuditEvent event(String summary) {
        return new AuditEvent(42, Instant.parse("2026-11-25T12:00:00Z"), "0xabc", 3, "Governor", "VoteCast", summary,
                Optional.of(BigInteger.TEN));
    }

    @Test
    void fields_with_commas_quotes_and_newlines_are_quoted_per_rfc_4180() {
        String csv = AuditCsv.of(List.of(event("voted for: \"good, solid\"\nmodel")));

        assertThat(csv).isEqualTo(AuditCsv.HEADER + "\r\n"
                + "42,2026-11-25T12:00:00Z,0xabc,3,Governor,VoteCast,10,\"voted for: \"\"good, solid\"\"\nmodel\"\r\n");
    }

    @Test
    void a_reason_that_looks_like_a_spreadsheet_formula_is_defused() {
        assertThat(AuditCsv.field("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(AuditCsv.field("-1")).isEqualTo("'-1");
    }

    @Test
    void the_filter_matches_on_contract_event_text_and_block_range() {
        AuditEvent e = event("0xf39F voted for");

        assertThat(new AuditFilter("governor", "votecast", "F39f", 40, 42).matches(e)).isTrue();
        assertThat(new AuditFilter("Registry", "", "", 0, 0).matches(e)).isFalse();
        assertThat(new AuditFilter("", "", "", 43, 0).matches(e)).isFalse();
        assertThat(new AuditFilter("", "", "10", 0, 0).matches(e)).isTrue();
    }
}
