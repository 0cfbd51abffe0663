package org.modeldao.app.dashboard;

import java.math.BigInteger;
import java.time.Instant;
import org.modeldao.app.base.Formats;

/** A proposal the DAO executed, newest first: what changed, when (chain time) and in which transaction. */
public record RecentDecision(BigInteger proposalId, String title, Instant executedAt, String transactionHash) {

    public String shortId() {
        return Formats.shortId(proposalId.toString());
    }
}
