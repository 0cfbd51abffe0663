package org.modeldao.app.indexer;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.events.ChainBlock;
import org.modeldao.contracts.events.KnownBlocks;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the indexer stands (next block to read) and the block hashes it relied on. */
final class IndexerCursor implements KnownBlocks {

    static final String NAME = "governance";

    private final JdbcClient jdbc;
    private final Clock clock;

    IndexerCursor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next block to read; creates the cursor at the deployment block on first use. */
    long nextBlock(DeploymentDescriptor deployment) {
        Optional<Stored> stored = jdbc.sql("SELECT chain_id, governor, next_block FROM indexer_cursor WHERE cursor_name = ?")
                .param(NAME)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO indexer_cursor (cursor_name, chain_id, governor, registry, next_block, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(NAME, deployment.chainId(), deployment.governor().toLowerCase(Locale.ROOT),
                            deployment.registry().toLowerCase(Locale.ROOT), deployment.deploymentBlock(), now())
                    .update();
            return deployment.deploymentBlock();
        }
        Stored cursor = stored.get();
        if (cursor.chainId != deployment.chainId() || !cursor.governor.equalsIgnoreCase(deployment.governor())) {
            throw new IllegalStateException("This database holds the read model of governor " + cursor.governor + " on chain "
                    + cursor.chainId + ", not of " + deployment.governor() + " on chain " + deployment.chainId()
                    + ": point the app at an empty database (or the matching deployment descriptor).");
        }
        return cursor.nextBlock;
    }

    /** Compare-and-set: only the indexer that read {@code expected} may move the cursor. */
    void moveTo(long expected, long next) {
        int updated = jdbc.sql("""
                        UPDATE indexer_cursor SET next_block = ?, updated_at = ?, stalled_block = NULL, stall_reason = NULL, stalled_since = NULL
                        WHERE cursor_name = ? AND next_block = ?""")
                .params(next, now(), NAME, expected)
                .update();
        if (updated != 1) {
            throw new ConcurrentIndexing("the cursor moved away from block " + expected + " while this batch was being built");
        }
    }

    /** The indexer cannot read {@code block} at all: said in the cursor row, for the governance history page, until it moves on. */
    void stalledAt(long block, String reason) {
        jdbc.sql("""
                UPDATE indexer_cursor SET stalled_since = CASE WHEN stalled_block = ? THEN stalled_since ELSE ? END,
                    stalled_block = ?, stall_reason = ?
                WHERE cursor_name = ?""")
                .params(block, now(), block, ChainText.of(reason, 1000), NAME)
                .update();
    }

    /** The stored block hashes, newest first: what the stream checks against the node to notice a reorganisation. */
    @Override
    public List<ChainBlock> newestFirst(int limit) {
        return jdbc.sql("SELECT block_number, block_hash, block_time FROM indexed_block ORDER BY block_number DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new ChainBlock(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Stored(long chainId, String governor, long nextBlock) {
    }

    /** Another indexer moved the cursor first: this batch is dropped, nothing was written. */
    static class ConcurrentIndexing extends RuntimeException {
        ConcurrentIndexing(String message) {
            super(message);
        }
    }
}
