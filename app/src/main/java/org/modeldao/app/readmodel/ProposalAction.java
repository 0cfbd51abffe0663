package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

/** One call a proposal makes, decoded by its function selector when it targets the model registry. */
public sealed interface ProposalAction {

    /** Short human-readable description, for lists and the governance history. */
    String describe();

    record ApproveVersion(String model, String version, String artifactSha256, String artifactUri, String cardSha256,
            String cardUri, String format) implements ProposalAction {
        public String describe() {
            return "Approve " + model + " " + version + " (" + format + ", sha256 " + artifactSha256 + ")";
        }
    }

    record RevokeVersion(String model, String version, String reason) implements ProposalAction {
        public String describe() {
            return "Revoke " + model + " " + version + ": " + reason;
        }
    }

    record SetCurrentVersion(String model, String version) implements ProposalAction {
        public String describe() {
            return "Serve " + model + " " + version + " as current version";
        }
    }

    record SetAccessPolicy(String model, PolicyKind kind, BigInteger minVotes, long requestsPerMinute, long maxBatchSize,
            List<String> allowList) implements ProposalAction {
        public String describe() {
            return "Access policy of " + model + ": " + kind + ", " + requestsPerMinute + " requests/min, batches up to " + maxBatchSize;
        }
    }

    /** Decimal bounds are scaled by {@link org.modeldao.contracts.RegistryKinds#VALUE_SCALE}. */
    record AddConstraint(String model, ConstraintKind kind, String target, BigInteger minValue, BigInteger maxValue,
            List<String> values, String rationale) implements ProposalAction {
        public String describe() {
            return "Add " + kind + " constraint to " + model + ": " + rationale;
        }
    }

    record RemoveConstraint(String model, BigInteger constraintId, String reason) implements ProposalAction {
        public String describe() {
            return "Remove constraint " + constraintId + " from " + model + ": " + reason;
        }
    }

    /** A call this app does not know how to read (another contract, or an unknown function). */
    record OtherCall(String target, BigInteger value, String calldata) implements ProposalAction {
        public String describe() {
            return "Call " + target + (value.signum() == 0 ? "" : " sending " + value + " wei") + " with "
                    + (calldata.length() <= 10 ? calldata : calldata.substring(0, 10) + "…");
        }
    }
}
