package org.modeldao.app.delegation;

import java.math.BigInteger;

/**
 * An account that holds voting power, and how many accounts delegate to it.
 *
 * @param address    checksummed
 * @param delegators accounts whose delegate this is (itself included when self-delegated)
 */
public record Delegate(String address, BigInteger votingPower, int delegators) {
}
