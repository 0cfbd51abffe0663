package org.modeldao.app.wallet;

import java.time.Duration;
import java.util.Optional;

/** What became of a signed message handed to the relayer: expected outcomes are values, not exceptions. */
public sealed interface RelayOutcome {

    /** Mined: the transaction paid by the relayer, and what it cost. */
    record Relayed(String transactionHash, long blockNumber) implements RelayOutcome {
    }

    /** Not sent: the reason, for the member, why, and — for quotas and the daily budget — when to try again. */
    record Refused(String reason, Why why, Optional<Duration> retryAfter) implements RelayOutcome {

        /** Refused on its merits (signature, nonce, state, the chain would revert). */
        public Refused(String reason) {
            this(reason, Why.NOT_RELAYABLE, Optional.empty());
        }
    }

    /** Why a relay was refused: what the API answers with. */
    enum Why {
        /** the message itself cannot be relayed (422) */
        NOT_RELAYABLE,
        /** this account or client has used its gasless relays for now (429) */
        QUOTA,
        /** the relayer's spending cap for the day is reached (429) */
        BUDGET,
        /** no relayer account on this server (503) */
        OFF
    }
}
