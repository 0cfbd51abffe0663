package org.modeldao.app.history;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/** One governance event, in plain language, with where it is recorded on-chain. */
public record HistoryEntry(long block, Instant time, String transactionHash, long logIndex, String contract, String event,
        String summary, Optional<BigInteger> proposalId) {
}
