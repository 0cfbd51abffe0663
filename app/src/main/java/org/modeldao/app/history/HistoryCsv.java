package org.modeldao.app.history;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV of audit events (CRLF line ends, fields quoted when they need it). */
public final class HistoryCsv {

    static final String HEADER = "block,time,transaction,log_index,contract,event,proposal_id,summary";

    private HistoryCsv() {
    }

    public static String of(List<HistoryEntry> events) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (HistoryEntry e : events) {
            csv.append(Stream.of(String.valueOf(e.block()), e.time().toString(), e.transactionHash(), String.valueOf(e.logIndex()),
                    e.contract(), e.event(), e.proposalId().map(Object::toString).orElse(""), e.summary())
                    .map(HistoryCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    /** Also defuses spreadsheet formulas: a field starting with = + - @ is prefixed with a quote. */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
