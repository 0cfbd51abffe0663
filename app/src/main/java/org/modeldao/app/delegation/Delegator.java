package org.modeldao.app.delegation;

import java.math.BigInteger;

/**
 * An account whose votes go to a delegate.
 *
 * @param address checksummed
 * @param balance tokens held (18 decimals): the votes it brings to its delegate
 */
public record Delegator(String address, BigInteger balance) {
}
