package org.modeldao.app.proposals.ui;

import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

/** Plain-language names for the registry's enums, so members never read PUBLIC or MIN_CONFIDENCE in a form. */
final class KindNames {

    private KindNames() {
    }

    static String of(PolicyKind kind) {
        return switch (kind) {
            case PUBLIC -> "Anyone";
            case TOKEN_HOLDERS -> "Token holders";
            case ALLOW_LIST -> "Only listed addresses";
        };
    }

    static String of(ConstraintKind kind) {
        return switch (kind) {
            case MAX_INPUT_SIZE -> "Maximum input size";
            case INPUT_RANGE -> "Input range";
            case FORBIDDEN_OUTPUT_LABEL -> "Forbidden output label";
            case MIN_CONFIDENCE -> "Minimum confidence";
            case ALLOWED_PURPOSES -> "Allowed purposes";
        };
    }
}
