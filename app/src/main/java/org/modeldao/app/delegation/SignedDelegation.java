package org.modeldao.app.delegation;

import java.math.BigInteger;

/** A delegation as signed for relaying (ERC20Votes {@code Delegation}): expiry in seconds since the epoch. */
public record SignedDelegation(String delegator, String delegatee, BigInteger nonce, long expiry, String signature) {
}
