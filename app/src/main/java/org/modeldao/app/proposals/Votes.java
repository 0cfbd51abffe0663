package org.modeldao.app.proposals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.modeldao.app.base.Formats;

/** Voting power is counted in token units with 18 decimals; people read whole tokens. */
public final class Votes {

    private static final int DECIMALS = Formats.TOKEN_DECIMALS;

    private Votes() {
    }

    /** Kept as the name the voting pages use; the format itself lives in {@link Formats}. */
    public static String format(BigInteger units) {
        return Formats.tokens(units);
    }

    public static BigInteger ofTokens(BigDecimal tokens) {
        return tokens.movePointRight(DECIMALS).toBigIntegerExact();
    }

    /** Percentage (0–100, one decimal) of {@code part} in {@code whole}; 0 when whole is 0. */
    public static double percent(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return 0;
        }
        return new BigDecimal(part).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(whole), 1, RoundingMode.DOWN).doubleValue();
    }
}
