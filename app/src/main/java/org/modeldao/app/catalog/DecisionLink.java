package org.modeldao.app.catalog;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/** Which executed proposal made a registry change, and when; no proposal when it was made outside governance. */
public record DecisionLink(Optional<BigInteger> proposalId, Instant at) {

    static DecisionLink of(BigInteger proposalId, Instant at) {
        return new DecisionLink(Optional.ofNullable(proposalId), at);
    }
}
