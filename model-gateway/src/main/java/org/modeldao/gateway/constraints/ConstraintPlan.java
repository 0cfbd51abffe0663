package org.modeldao.gateway.constraints;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.serving.Tensor;

/**
 * A model's voted constraints compiled once per governance snapshot: names, scaled limits and
 * value sets are computed here, not on every request, and a call that passes every check gets
 * a report built in advance. Checks and messages are exactly those of {@link ConstraintEngine}.
 */
public final class ConstraintPlan {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** One constraint with everything a check needs already derived from the registry's integers. */
    private record Compiled(EthicalConstraint constraint, String name, double min, double max, long limit,
            Set<String> values) {

        static Compiled of(EthicalConstraint c) {
            // a limit beyond a long cannot be exceeded (or met) by any input: clamp instead of failing per call
            long limit = c.maxValue().max(LONG_MIN).min(LONG_MAX).longValue();
            return new Compiled(c, c.kind().name() + "#" + c.id(), c.min(), c.max(), limit, Set.copyOf(c.values()));
        }
    }

    private final Compiled[] inputSide;
    private final Compiled[] outputSide;
    private final List<String> inputSideNames;
    private final List<String> outputSideNames;
    private final ConstraintReport inputSidePassed;
    private final ConstraintReport outputSidePassed;

    private ConstraintPlan(List<Compiled> inputSide, List<Compiled> outputSide) {
        this.inputSide = inputSide.toArray(Compiled[]::new);
        this.outputSide = outputSide.toArray(Compiled[]::new);
        this.inputSideNames = inputSide.stream().map(Compiled::name).toList();
        this.outputSideNames = outputSide.stream().map(Compiled::name).toList();
        this.inputSidePassed = new ConstraintReport(inputSideNames, Optional.empty());
        this.outputSidePassed = new ConstraintReport(outputSideNames, Optional.empty());
    }

    /** Splits the voted constraints into input- and output-side checks, keeping the voted order. */
    public static ConstraintPlan of(List<EthicalConstraint> constraints) {
        List<Compiled> inputSide = new ArrayList<>();
        List<Compiled> outputSide = new ArrayList<>();
        for (EthicalConstraint c : constraints) {
            switch (c.kind()) {
                case MAX_INPUT_SIZE, INPUT_RANGE, ALLOWED_PURPOSES -> inputSide.add(Compiled.of(c));
                case FORBIDDEN_OUTPUT_LABEL, MIN_CONFIDENCE -> outputSide.add(Compiled.of(c));
            }
        }
        return new ConstraintPlan(inputSide, outputSide);
    }

    /** What {@link #beforeInference} reports as checked when everything passes. */
    public List<String> inputSideNames() {
        return inputSideNames;
    }

    /** What {@link #afterInference} reports as checked when everything passes. */
    public List<String> outputSideNames() {
        return outputSideNames;
    }

    /** Input-side: size, value ranges, declared purpose. */
    public ConstraintReport beforeInference(List<Tensor> inputs, String purpose) {
        for (int i = 0; i < inputSide.length; i++) {
            Compiled c = inputSide[i];
            String broken = switch (c.constraint().kind()) {
                case MAX_INPUT_SIZE -> maxInputSize(c, inputs);
                case INPUT_RANGE -> inputRange(c, inputs);
                default -> purpose(c, purpose);
            };
            if (broken != null) {
                return violation(inputSideNames, i, c, broken);
            }
        }
        return inputSidePassed;
    }

    /** Output-side: forbidden labels, minimum confidence (the model abstains below it). */
    public ConstraintReport afterInference(Classification classification) {
        for (int i = 0; i < outputSide.length; i++) {
            Compiled c = outputSide[i];
            String broken = c.constraint().kind() == ConstraintKind.FORBIDDEN_OUTPUT_LABEL
                    ? forbiddenLabel(c, classification)
                    : minConfidence(c, classification);
            if (broken != null) {
                return violation(outputSideNames, i, c, broken);
            }
        }
        return outputSidePassed;
    }

    /**
     * For a model that declares no output labels (its card has none, or no signature at all):
     * an output-side constraint cannot be checked there, and an unchecked constraint must not
     * pass, so the first one refuses — before the model runs.
     */
    public ConstraintReport withoutLabels() {
        if (outputSide.length == 0) {
            return outputSidePassed;
        }
        return violation(outputSideNames, 0, outputSide[0],
                "the model declares no output labels, so this constraint cannot be checked; nothing is served");
    }

    private static ConstraintReport violation(List<String> names, int index, Compiled c, String detail) {
        return new ConstraintReport(names.subList(0, index + 1),
                Optional.of(new ConstraintViolation(c.constraint(), detail)));
    }

    private static String maxInputSize(Compiled c, List<Tensor> inputs) {
        String target = c.constraint().target();
        for (Tensor input : inputs) {
            if ((target.isEmpty() || target.equals(input.name())) && input.length() > c.limit()) {
                return "input " + input.name() + " has " + input.length() + " elements; at most " + c.limit()
                        + " are allowed";
            }
        }
        return null;
    }

    private static String inputRange(Compiled c, List<Tensor> inputs) {
        double min = c.min();
        double max = c.max();
        for (Tensor input : inputs) {
            double[] numbers = input.numbers();
            if (!input.name().equals(c.constraint().target()) || numbers == null) {
                continue;
            }
            for (double value : numbers) {
                if (!(value >= min && value <= max)) { // NaN is outside every range
                    return "input " + input.name() + " has value " + value + " outside [" + min + ", " + max + "]";
                }
            }
        }
        return null;
    }

    private static String purpose(Compiled c, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return "the request must declare a purpose (parameters.purpose), one of " + c.constraint().values();
        }
        return c.values().contains(purpose) ? null
                : "purpose '" + purpose + "' is not among the allowed " + c.constraint().values();
    }

    private static String forbiddenLabel(Compiled c, Classification classification) {
        for (String label : classification.labelsByRow()) {
            if (c.values().contains(label)) {
                return "the model's answer '" + label + "' is a forbidden output label";
            }
        }
        return null;
    }

    private static String minConfidence(Compiled c, Classification classification) {
        double min = c.min();
        for (double confidence : classification.confidencesByRow()) {
            // NaN is below any minimum: a number nobody can compare is no confidence at all
            if (!(confidence >= min)) {
                return "confidence " + confidence + " is below the required " + min + ": the model abstains";
            }
        }
        return null;
    }
}
