package org.modeldao.app.readmodel;

import java.math.BigInteger;

/**
 * An account whose votes go to a delegate, and the tokens it holds (the votes it brings).
 *
 * @param balance    token units (18 decimals), summed from the indexed transfers
 * @param sinceBlock block of the delegation in force
 */
public record DelegatorBalance(String address, BigInteger balance, long sinceBlock) {
}
