package org.modeldao.app.catalog;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * Which executed proposal made a registry change, in which transaction, and when; no proposal
 * when it was made outside governance (e.g. on the timelock by hand).
 *
 * @param transactionHash the transaction that changed the registry
 */
public record DecisionLink(Optional<BigInteger> proposalId, String transactionHash, Instant at) {

    static DecisionLink of(BigInteger proposalId, String transactionHash, Instant at) {
        return new DecisionLink(Optional.ofNullable(proposalId), transactionHash, at);
    }
}
