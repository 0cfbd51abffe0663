package org.modeldao.app.proposals;

import static org.modeldao.app.proposals.ActionInputs.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

/**
 * One thing a proposal does to the ModelRegistry when executed, in the app's own terms.
 * Constructors validate (mirroring the registry's own checks) so an invalid action fails
 * here with a readable message instead of reverting on-chain after a week of voting.
 */
public sealed interface ProposalAction {

    /** The action in plain language, as shown on proposal pages and in descriptions. */
    String describe();

    record ApproveVersion(String model, String version, String artifactSha256, String artifactUri, String cardSha256,
            String cardUri, String format) implements ProposalAction {
        public ApproveVersion {
            model = ActionInputs.name("Model name", model);
            version = ActionInputs.name("Version", version);
            artifactSha256 = ActionInputs.sha256("Artifact sha256", artifactSha256);
            artifactUri = ActionInputs.url("Artifact URL", artifactUri);
            cardSha256 = ActionInputs.sha256("Model card sha256", cardSha256);
            cardUri = ActionInputs.url("Model card URL", cardUri);
            format = ActionInputs.name("Format", format);
        }

        @Override
        public String describe() {
            return "Approve model " + model + " v" + version + " (" + format + "), artifact sha256 " + artifactSha256
                    + " at " + artifactUri + ", card sha256 " + cardSha256 + " at " + cardUri;
        }
    }

    record RevokeVersion(String model, String version, String reason) implements ProposalAction {
        public RevokeVersion {
            model = ActionInputs.name("Model name", model);
            version = ActionInputs.name("Version", version);
            reason = ActionInputs.text("Reason", reason);
        }

        @Override
        public String describe() {
            return "Revoke model " + model + " v" + version + " because: " + reason;
        }
    }

    record SetCurrentVersion(String model, String version) implements ProposalAction {
        public SetCurrentVersion {
            model = ActionInputs.name("Model name", model);
            version = ActionInputs.name("Version", version);
        }

        @Override
        public String describe() {
            return "Make v" + version + " the current version of model " + model;
        }
    }

    record SetAccessPolicy(String model, PolicyKind kind, BigInteger minVotes, long requestsPerMinute, long maxBatchSize,
            List<String> allowList) implements ProposalAction {
        public SetAccessPolicy {
            model = ActionInputs.name("Model name", model);
            check(kind != null, "Policy kind is required");
            minVotes = minVotes == null ? BigInteger.ZERO : minVotes;
            allowList = allowList == null ? List.of()
                    : allowList.stream().filter(a -> a != null && !a.isBlank()).map(a -> ActionInputs.address("Allow-list entry", a)).toList();
            check(minVotes.signum() >= 0, "Minimum votes must not be negative");
            check(requestsPerMinute > 0 && requestsPerMinute <= 0xFFFFFFFFL, "Requests per minute: enter a whole number from 1 to 4,294,967,295");
            check(maxBatchSize > 0 && maxBatchSize <= 0xFFFFFFFFL, "Max inputs per request: enter a whole number from 1 to 4,294,967,295");
            check(kind != PolicyKind.TOKEN_HOLDERS || minVotes.signum() > 0, "A token-holder policy needs minimum votes above 0");
            check(kind != PolicyKind.ALLOW_LIST || !allowList.isEmpty(), "An allow-list policy needs at least one address");
            check(kind == PolicyKind.ALLOW_LIST || allowList.isEmpty(), "Only an allow-list policy lists addresses");
        }

        @Override
        public String describe() {
            String who = switch (kind) {
                case PUBLIC -> "anyone";
                case TOKEN_HOLDERS -> "holders of at least " + Votes.format(minVotes) + " votes";
                case ALLOW_LIST -> "only " + String.join(", ", allowList);
            };
            return "Set the access policy of model " + model + ": " + who + " may call it, at most " + requestsPerMinute
                    + " requests per minute and " + maxBatchSize + " inputs per request";
        }
    }

    record AddConstraint(String model, ConstraintKind kind, String target, BigDecimal minValue, BigDecimal maxValue,
            List<String> values, String rationale) implements ProposalAction {
        public AddConstraint {
            model = ActionInputs.name("Model name", model);
            check(kind != null, "Constraint kind is required");
            target = ActionInputs.optionalText(target);
            // normalised so that 0.6 and 0.60 are the same constraint (the chain stores 600000 for both)
            minValue = minValue == null ? BigDecimal.ZERO : minValue.stripTrailingZeros();
            maxValue = maxValue == null ? BigDecimal.ZERO : maxValue.stripTrailingZeros();
            values = values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            rationale = ActionInputs.text("Rationale", rationale);
            check(minValue.scale() <= 6 && maxValue.scale() <= 6, "Values have at most 6 decimals");
            check(minValue.abs().compareTo(LIMIT) < 0 && maxValue.abs().compareTo(LIMIT) < 0, "Values must lie within ±1e30");
            switch (kind) {
                case MAX_INPUT_SIZE -> check(maxValue.signum() > 0, "A maximum input size must be positive");
                case INPUT_RANGE -> {
                    check(!target.isEmpty(), "An input range needs the input's name");
                    check(minValue.compareTo(maxValue) <= 0, "The range's minimum lies above its maximum");
                }
                case MIN_CONFIDENCE -> check(minValue.signum() > 0 && minValue.compareTo(BigDecimal.ONE) <= 0,
                        "A minimum confidence must lie in (0, 1]");
                case FORBIDDEN_OUTPUT_LABEL, ALLOWED_PURPOSES -> ActionInputs.nonEmptyList("Values", values);
            }
        }

        @Override
        public String describe() {
            String rule = switch (kind) {
                case MAX_INPUT_SIZE -> "at most " + maxValue.stripTrailingZeros().toPlainString() + " elements per input"
                        + (target.isEmpty() ? "" : " '" + target + "'");
                case INPUT_RANGE -> "every element of input '" + target + "' lies in [" + minValue.stripTrailingZeros().toPlainString()
                        + ", " + maxValue.stripTrailingZeros().toPlainString() + "]";
                case FORBIDDEN_OUTPUT_LABEL -> "never output " + String.join(", ", values);
                case MIN_CONFIDENCE -> "abstain below confidence " + minValue.stripTrailingZeros().toPlainString();
                case ALLOWED_PURPOSES -> "callers declare one of the purposes " + String.join(", ", values);
            };
            return "Add ethical constraint to model " + model + ": " + rule + " (" + rationale + ")";
        }
    }

    /** Far inside int256 once scaled by 1e6, so encoding can never overflow. */
    BigDecimal LIMIT = new BigDecimal("1e30");

    record RemoveConstraint(String model, BigInteger constraintId, String reason) implements ProposalAction {
        public RemoveConstraint {
            model = ActionInputs.name("Model name", model);
            check(constraintId != null && constraintId.signum() > 0, "Constraint id must be a positive number");
            reason = ActionInputs.text("Reason", reason);
        }

        @Override
        public String describe() {
            return "Remove ethical constraint #" + constraintId + " from model " + model + " because: " + reason;
        }
    }

    /** A call this app did not build (another target or function): shown raw, never hidden. */
    record UnrecognizedCall(String target, BigInteger value, String calldata) implements ProposalAction {
        @Override
        public String describe() {
            String selector = calldata.length() >= 10 ? calldata.substring(0, 10) : calldata;
            return "Unrecognized call to " + target + " (function " + selector + ", " + (calldata.length() - 2) / 2
                    + " bytes of calldata" + (value.signum() == 0 ? "" : ", sending " + value + " wei") + ")";
        }
    }
}
