package org.modeldao.app.dashboard;

import java.math.BigInteger;

/**
 * A member's weight, read live from the token.
 *
 * @param votes    voting power now (own tokens if self-delegated, plus what others delegated)
 * @param balance  tokens held
 * @param delegate who the member's tokens vote through; the zero address when never delegated
 */
public record MemberPower(String member, BigInteger votes, BigInteger balance, String delegate) {

    private static final String NOBODY = "0x0000000000000000000000000000000000000000";

    /** Tokens that vote through nobody count for nothing: the dashboard asks the member to delegate. */
    public boolean hasDelegated() {
        return !NOBODY.equalsIgnoreCase(delegate);
    }

    public boolean delegatesToSelf() {
        return member.equalsIgnoreCase(delegate);
    }
}
