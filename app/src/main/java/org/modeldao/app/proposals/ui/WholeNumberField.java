package org.modeldao.app.proposals.ui;

import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Locale;
import org.modeldao.app.proposals.InvalidProposal;

/**
 * A field for a whole number in a range, read as text: Vaadin's IntegerField drops a typed "." (so "1.5" became 15) and
 * stops at 2^31-1, while the chain takes numbers up to 2^32-1. A bad value gets a plain-words message on the field itself.
 */
final class WholeNumberField extends CheckedField {

    /** The largest value of a uint32 on chain (requests per minute, inputs per request). */
    static final long UINT32_MAX = 0xFFFFFFFFL;

    private final long min;
    private final long max;

    WholeNumberField(String label, String id, long min, long max) {
        super(label, id);
        this.min = min;
        this.max = max;
    }

    /** The value; call after {@link #requireValid} has passed. */
    long number() {
        BigInteger value = parse();
        if (value == null) {
            throw new InvalidProposal(getLabel() + ": " + message());
        }
        return value.longValueExact();
    }

    @Override
    boolean valid() {
        return parse() != null;
    }

    @Override
    String message() {
        return max == Long.MAX_VALUE ? "Enter a whole number, " + format(min) + " or more"
                : "Enter a whole number from " + format(min) + " to " + format(max);
    }

    private BigInteger parse() {
        String text = getValue().strip();
        if (!text.matches("[+-]?\\d{1,30}")) {
            return null;
        }
        BigInteger value = new BigInteger(text);
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0 ? value : null;
    }

    private static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }
}
