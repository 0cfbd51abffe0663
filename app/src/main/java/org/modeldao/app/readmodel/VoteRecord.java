package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;
import org.modeldao.contracts.VoteType;

/** One ballot as cast on chain. */
public record VoteRecord(BigInteger proposalId, String voter, VoteType support, BigInteger weight, String reason,
        long blockNumber, String txHash, Instant castAt) {
}
