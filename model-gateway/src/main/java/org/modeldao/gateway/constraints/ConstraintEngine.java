package org.modeldao.gateway.constraints;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.serving.Tensor;

/**
 * Checks the DAO's ethical constraints around one inference: input-side constraints before
 * the model runs, output-side ones after it and before anything is returned. Stateless: it
 * is handed the constraints in force at the time of the call.
 */
public final class ConstraintEngine {

    /** Input-side: size, value ranges, declared purpose. */
    public ConstraintReport beforeInference(List<EthicalConstraint> constraints, List<Tensor> inputs, String purpose) {
        List<String> checked = new ArrayList<>();
        for (EthicalConstraint c : constraints) {
            Optional<String> broken = switch (c.kind()) {
                case MAX_INPUT_SIZE -> maxInputSize(c, inputs);
                case INPUT_RANGE -> inputRange(c, inputs);
                case ALLOWED_PURPOSES -> purpose(c, purpose);
                case FORBIDDEN_OUTPUT_LABEL, MIN_CONFIDENCE -> null;
            };
            if (broken == null) {
                continue;
            }
            checked.add(c.kind().name() + "#" + c.id());
            if (broken.isPresent()) {
                return new ConstraintReport(checked, Optional.of(new ConstraintViolation(c, broken.get())));
            }
        }
        return new ConstraintReport(checked, Optional.empty());
    }

    /** Output-side: forbidden labels, minimum confidence (the model abstains below it). */
    public ConstraintReport afterInference(List<EthicalConstraint> constraints, Classification classification) {
        List<String> checked = new ArrayList<>();
        for (EthicalConstraint c : constraints) {
            Optional<String> broken = switch (c.kind()) {
                case FORBIDDEN_OUTPUT_LABEL -> forbiddenLabel(c, classification);
                case MIN_CONFIDENCE -> minConfidence(c, classification);
                default -> null;
            };
            if (broken == null) {
                continue;
            }
            checked.add(c.kind().name() + "#" + c.id());
            if (broken.isPresent()) {
                return new ConstraintReport(checked, Optional.of(new ConstraintViolation(c, broken.get())));
            }
        }
        return new ConstraintReport(checked, Optional.empty());
    }

    private static Optional<String> maxInputSize(EthicalConstraint c, List<Tensor> inputs) {
        long limit = c.maxValue().longValueExact();
        for (Tensor input : inputs) {
            if ((c.target().isEmpty() || c.target().equals(input.name())) && input.length() > limit) {
                return Optional.of("input " + input.name() + " has " + input.length() + " elements; at most " + limit
                        + " are allowed");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inputRange(EthicalConstraint c, List<Tensor> inputs) {
        double min = c.min();
        double max = c.max();
        for (Tensor input : inputs) {
            if (!input.name().equals(c.target()) || input.numbers() == null) {
                continue;
            }
            for (double value : input.numbers()) {
                if (value < min || value > max) {
                    return Optional.of("input " + input.name() + " has value " + value + " outside [" + min + ", " + max
                            + "]");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> purpose(EthicalConstraint c, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return Optional.of("the request must declare a purpose (parameters.purpose), one of " + c.values());
        }
        return c.values().contains(purpose) ? Optional.empty()
                : Optional.of("purpose '" + purpose + "' is not among the allowed " + c.values());
    }

    private static Optional<String> forbiddenLabel(EthicalConstraint c, Classification classification) {
        return classification.labels().stream().filter(c.values()::contains).findFirst()
                .map(label -> "the model's answer '" + label + "' is a forbidden output label");
    }

    private static Optional<String> minConfidence(EthicalConstraint c, Classification classification) {
        double min = c.min();
        for (double confidence : classification.confidences()) {
            if (confidence < min) {
                return Optional.of("confidence " + confidence + " is below the required " + min + ": the model abstains");
            }
        }
        return Optional.empty();
    }
}
