package org.modeldao.app.catalog;

import java.math.BigInteger;
import java.util.Optional;

/** Which executed proposal (and transaction) made a registry change. */
public record DecisionLink(Optional<BigInteger> proposalId, String transactionHash, long block) {
}
