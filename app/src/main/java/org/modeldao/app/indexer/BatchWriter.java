package org.modeldao.app.indexer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a batch's rows with JDBC batch statements; the caller holds the transaction. */
final class BatchWriter {

    private final JdbcTemplate jdbc;

    BatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keys ({@code txHash:logIndex}) of the logs already stored for these blocks, so none is stored twice. */
    Set<String> storedLogs(long fromBlock, long toBlock) {
        Set<String> keys = new HashSet<>();
        jdbc.query("""
                SELECT tx_hash, log_index FROM chain_event WHERE block_number BETWEEN ? AND ?
                UNION ALL SELECT tx_hash, log_index FROM quarantined_log WHERE block_number BETWEEN ? AND ?""",
                rs -> {
                    keys.add(rs.getString(1) + ":" + rs.getInt(2));
                },
                fromBlock, toBlock, fromBlock, toBlock);
        return keys;
    }

    void write(long fromBlock, long toBlock, BatchChanges changes) {
        jdbc.update("DELETE FROM indexed_block WHERE block_number BETWEEN ? AND ?", fromBlock, toBlock);
        writeRows(changes);
    }

    /** The rows alone (no block bookkeeping): one log's, when a block is stored log by log. */
    void writeRows(BatchChanges changes) {
        for (Map.Entry<Statement, List<Object[]>> entry : changes.statements().entrySet()) {
            jdbc.batchUpdate(entry.getKey().sql, entry.getValue());
        }
    }
}
