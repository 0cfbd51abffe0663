package org.modeldao.app.readmodel;

import java.math.BigInteger;

/**
 * An account's current voting power (from DelegateVotesChanged) and how many accounts delegate to it.
 *
 * @param votes      token units, 18 decimals
 * @param delegators accounts whose current delegate this is (itself included when self-delegated)
 */
public record DelegateSummary(String address, BigInteger votes, int delegators) {
}
