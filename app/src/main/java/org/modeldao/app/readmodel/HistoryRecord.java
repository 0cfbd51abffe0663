package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One log of the DAO's contracts, in words.
 *
 * @param contract   GOVERNOR, TOKEN, TIMELOCK or REGISTRY
 * @param proposalId the proposal it concerns (registry changes: the proposal whose execution made them), or null
 */
public record HistoryRecord(long blockNumber, String txHash, int logIndex, Instant time, String contract, String eventName,
        BigInteger proposalId, String summary) {
}
