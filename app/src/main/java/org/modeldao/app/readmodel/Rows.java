package org.modeldao.app.readmodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Column readers for the read model's portable types (uint256 as NUMERIC(78), times in UTC). */
final class Rows {

    private Rows() {
    }

    static BigInteger uint(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.toBigIntegerExact();
    }

    static BigInteger id(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : new BigInteger(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static HistoryRecord historyRecord(ResultSet rs, int row) throws SQLException {
        return new HistoryRecord(rs.getLong("block_number"), rs.getString("tx_hash"), rs.getInt("log_index"), instant(rs, "block_time"),
                rs.getString("contract"), rs.getString("event_name"), id(rs, "proposal_id"), rs.getString("summary"));
    }

    static final String HISTORY_COLUMNS = "block_number, tx_hash, log_index, block_time, contract, event_name, proposal_id, summary ";
}
