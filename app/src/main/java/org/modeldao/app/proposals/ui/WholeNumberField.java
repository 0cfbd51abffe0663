package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modeldao.app.proposals.InvalidProposal;

/**
 * A field for a whole number in a range, read as text: Vaadin's IntegerField drops a typed "." (so "1.5" became 15) and
 * stops at 2^31-1, while the chain takes numbers up to 2^32-1. A bad value gets a plain-words message on the field itself.
 */
final class WholeNumberField extends TextField {

    /** The largest value of a uint32 on chain (requests per minute, inputs per request). */
    static final long UINT32_MAX = 0xFFFFFFFFL;

    private final long min;
    private final long max;

    WholeNumberField(String label, String id, long min, long max) {
        super(label);
        this.min = min;
        this.max = max;
        setId(id);
        setWidthFull();
        // this field's own check decides; the built-in one (no constraints) would clear the mark on blur
        setManualValidation(true);
        // checked as the member leaves the field, not only on Add action
        addValueChangeListener(change -> check());
    }

    /** Marks the field invalid (with its message) unless it holds a whole number in range; true if it does. */
    boolean check() {
        boolean valid = parse() != null;
        setErrorMessage(valid ? null : message());
        setInvalid(!valid);
        return valid;
    }

    /** The value; call after {@link #requireValid} has passed. */
    long number() {
        BigInteger value = parse();
        if (value == null) {
            throw new InvalidProposal(getLabel() + ": " + message());
        }
        return value.longValueExact();
    }

    /**
     * Checks every field (so all messages show at once, not one per click) and refuses the action if any is invalid,
     * naming the fields to fix.
     */
    static void requireValid(WholeNumberField... fields) {
        List<String> invalid = Arrays.stream(fields).filter(f -> !f.check()).map(TextField::getLabel).toList();
        if (!invalid.isEmpty()) {
            throw new InvalidProposal("Check the highlighted fields: " + String.join(", ", invalid));
        }
    }

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
