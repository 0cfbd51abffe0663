package org.modeldao.app.readmodel;

import java.time.Instant;

/**
 * A log the indexer could not store, even alone: kept aside (and never tried again) so the read
 * model goes on. It is listed on the governance history page; the reason is the database's or decoder's.
 */
public record QuarantinedLog(long blockNumber, String txHash, int logIndex, String contract, String eventName, String reason,
        Instant quarantinedAt) {
}
