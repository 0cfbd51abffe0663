package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The last change of a model's current version.
 *
 * @param version    the version now served by default; empty when the alias was cleared (its version revoked)
 * @param proposalId the proposal whose execution made the change, or null (made outside governance)
 */
public record CurrentVersionChange(String model, String version, long blockNumber, Instant changedAt, BigInteger proposalId,
        String txHash) {
}
