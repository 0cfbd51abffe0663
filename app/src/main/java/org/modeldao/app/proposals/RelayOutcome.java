package org.modeldao.app.proposals;

/** What became of a signed message handed to the relayer: expected outcomes are values, not exceptions. */
public sealed interface RelayOutcome {

    /** Mined: the transaction paid by the relayer. */
    record Relayed(String transactionHash, long blockNumber) implements RelayOutcome {
    }

    /** Not sent: the reason, for the member. */
    record Refused(String reason) implements RelayOutcome {
    }
}
