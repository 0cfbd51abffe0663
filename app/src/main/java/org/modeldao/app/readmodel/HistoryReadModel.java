package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every log of the DAO's contracts in words, newest first: what happened, when, and by which decision. */
@Service
public class HistoryReadModel {

    private final JdbcClient jdbc;

    public HistoryReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HistoryRecord> events(int offset, int limit) {
        return events(HistoryQuery.EVERYTHING, offset, limit);
    }

    public long count() {
        return count(HistoryQuery.EVERYTHING);
    }

    /** The events matching {@code query}, newest first. */
    public List<HistoryRecord> events(HistoryQuery query, int offset, int limit) {
        Paging.check(offset, limit);
        Where where = where(query);
        return jdbc.sql("SELECT " + Rows.HISTORY_COLUMNS + " FROM chain_event" + where.sql()
                        + " ORDER BY block_number DESC, log_index DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(where.parameters()).param("offset", offset).param("limit", limit).query(Rows::historyRecord).list();
    }

    public long count(HistoryQuery query) {
        Where where = where(query);
        return jdbc.sql("SELECT COUNT(*) FROM chain_event" + where.sql()).params(where.parameters()).query(Long.class).single();
    }

    /** What a proposal went through (creation, votes, lifecycle) and the registry changes its execution made. */
    public List<HistoryRecord> eventsOf(BigInteger proposalId) {
        return jdbc.sql("SELECT " + Rows.HISTORY_COLUMNS + " FROM chain_event WHERE proposal_id = ? ORDER BY block_number, log_index")
                .param(proposalId.toString()).query(Rows::historyRecord).list();
    }

    /** Logs the indexer set aside because they could not be stored, newest first. */
    public List<QuarantinedLog> quarantined(int offset, int limit) {
        Paging.check(offset, limit);
        return jdbc.sql("""
                        SELECT block_number, tx_hash, log_index, contract, event_name, reason, quarantined_at FROM quarantined_log
                        ORDER BY block_number DESC, log_index DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new QuarantinedLog(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Rows.instant(rs, "quarantined_at")))
                .list();
    }

    public long countQuarantined() {
        return jdbc.sql("SELECT COUNT(*) FROM quarantined_log").query(Long.class).single();
    }

    /** The block the indexer is stuck on, if any. */
    public Optional<IndexerStall> stall() {
        return jdbc.sql("SELECT stalled_block, stall_reason, stalled_since FROM indexer_cursor WHERE stalled_block IS NOT NULL")
                .query((rs, n) -> new IndexerStall(rs.getLong(1), rs.getString(2), Rows.instant(rs, "stalled_since")))
                .optional();
    }

    private record Where(String sql, Map<String, Object> parameters) {
    }

    private static Where where(HistoryQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!query.contract().isEmpty()) {
            conditions.add("contract = :contract");
            parameters.put("contract", query.contract());
        }
        if (!query.eventName().isEmpty()) {
            conditions.add("LOWER(event_name) = :eventName");
            parameters.put("eventName", query.eventName());
        }
        if (!query.text().isEmpty()) {
            conditions.add("(LOWER(summary) LIKE :text ESCAPE '\\' OR LOWER(tx_hash) LIKE :text ESCAPE '\\'"
                    + " OR proposal_id LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.fromBlock() > 0) {
            conditions.add("block_number >= :fromBlock");
            parameters.put("fromBlock", query.fromBlock());
        }
        if (query.toBlock() > 0) {
            conditions.add("block_number <= :toBlock");
            parameters.put("toBlock", query.toBlock());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }
}
