package org.modeldao.app.proposals.ui;

import java.math.BigDecimal;
import java.util.Optional;
import org.modeldao.app.proposals.InvalidProposal;

/**
 * A field for a decimal number in a range, read as text: "0.7", "-3", "1e3" refused (people do not
 * write exponents in a form), at most {@code decimals} digits after the point — the chain stores
 * constraint values in millionths and token amounts in 18 decimals, and a digit beyond that would
 * be silently dropped. A bad value gets a message on the field saying what to enter.
 */
final class DecimalNumberField extends CheckedField {

    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean minExclusive;
    private final int decimals;
    private final boolean required;
    private final String message;

    /**
     * @param min          smallest accepted value ({@code minExclusive}: the value must lie above it)
     * @param max          largest accepted value
     * @param decimals     most digits after the point
     * @param required     whether an empty field is refused (else it reads as no value)
     * @param message      what to enter, in plain words ("Enter a confidence above 0 and at most 1, e.g. 0.7")
     */
    DecimalNumberField(String label, String id, BigDecimal min, boolean minExclusive, BigDecimal max, int decimals, boolean required,
            String message) {
        super(label, id);
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.decimals = decimals;
        this.required = required;
        this.message = message;
    }

    /** The value, empty when the field is optional and left empty; call after {@link #requireValid} has passed. */
    Optional<BigDecimal> number() {
        if (!valid()) {
            throw new InvalidProposal(getLabel() + ": " + message);
        }
        return parse();
    }

    @Override
    boolean valid() {
        if (getValue().isBlank()) {
            return !required;
        }
        return parse().filter(v -> (minExclusive ? v.compareTo(min) > 0 : v.compareTo(min) >= 0) && v.compareTo(max) <= 0)
                .isPresent();
    }

    @Override
    String message() {
        return message;
    }

    private Optional<BigDecimal> parse() {
        String text = getValue().strip();
        if (!text.matches("[+-]?\\d{1,31}(\\.\\d{1," + decimals + "})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }
}
