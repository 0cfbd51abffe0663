package org.modeldao.contracts.events;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a log sits on the chain. Chain order is block number, then log index.
 *
 * @param blockNumber the block holding the log
 * @param blockHash   that block's hash ({@code 0x} + 64 lower-case hex digits)
 * @param txHash      the transaction that emitted the log (same format)
 * @param logIndex    the log's index within its block
 * @param blockTime   the block's timestamp
 * @param contract    which DAO contract emitted the log
 */
public record EventPosition(long blockNumber, String blockHash, String txHash, int logIndex, Instant blockTime,
        DaoContract contract) {

    /** Block number, then log index. */
    public static final Comparator<EventPosition> CHAIN_ORDER =
            Comparator.comparingLong(EventPosition::blockNumber).thenComparingInt(EventPosition::logIndex);

    public EventPosition {
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(blockTime, "blockTime");
        Objects.requireNonNull(contract, "contract");
    }

    /** {@code txHash:logIndex}, the key a log is stored under (unique on one chain). */
    public String logKey() {
        return txHash + ":" + logIndex;
    }
}
