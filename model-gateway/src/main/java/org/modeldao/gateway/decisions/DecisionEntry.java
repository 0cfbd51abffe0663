package org.modeldao.gateway.decisions;

/**
 * One decision worth proving later. Never carries request or response payloads. Every field is
 * in {@link DecisionText}'s normal form from construction on (escaped, capped to its column), so
 * whatever a caller put into a version, purpose or input name, the entry can be hashed and stored.
 *
 * @param kind LOAD, QUARANTINE, UNAVAILABLE, REVOKE, CURRENT, REFUSAL, INFERENCE, VIOLATION, REORG
 * @param outcome short result, e.g. "served", "rate_limited", "MIN_CONFIDENCE#3"
 * @param detail constraint outcomes, reasons, hashes, proposal ids
 */
public record DecisionEntry(String kind, String caller, String model, String version, String outcome, String detail) {

    /** Column widths of audit_log (V1__audit_log.sql). */
    static final int KIND_MAX = 32;
    static final int NAME_MAX = 200;
    static final int OUTCOME_MAX = 64;
    static final int DETAIL_MAX = 4000;

    public DecisionEntry {
        kind = DecisionText.normal(kind, KIND_MAX);
        caller = DecisionText.normal(caller, NAME_MAX);
        model = DecisionText.normal(model, NAME_MAX);
        version = DecisionText.normal(version, NAME_MAX);
        outcome = DecisionText.normal(outcome, OUTCOME_MAX);
        detail = DecisionText.normalRecurring(detail, DETAIL_MAX);
    }

    /** The entry with every field ASCII-only: kept, flagged, when the database refused the normal form. */
    DecisionEntry asciiOnly() {
        return new DecisionEntry(DecisionText.asciiOnly(kind, KIND_MAX), DecisionText.asciiOnly(caller, NAME_MAX),
                DecisionText.asciiOnly(model, NAME_MAX), DecisionText.asciiOnly(version, NAME_MAX),
                DecisionText.asciiOnly(outcome, OUTCOME_MAX), DecisionText.asciiOnly(detail, DETAIL_MAX));
    }
}
