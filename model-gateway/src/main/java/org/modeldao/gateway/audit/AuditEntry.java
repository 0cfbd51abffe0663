package org.modeldao.gateway.audit;

/**
 * One decision worth proving later. Never carries request or response payloads.
 *
 * @param kind LOAD, QUARANTINE, UNAVAILABLE, REVOKE, CURRENT, REFUSAL, INFERENCE, VIOLATION, REORG
 * @param outcome short result, e.g. "served", "rate_limited", "MIN_CONFIDENCE#3"
 * @param detail constraint outcomes, reasons, hashes, proposal ids
 */
public record AuditEntry(String kind, String caller, String model, String version, String outcome, String detail) {

    public AuditEntry {
        caller = orEmpty(caller);
        model = orEmpty(model);
        version = orEmpty(version);
        outcome = orEmpty(outcome);
        detail = orEmpty(detail);
        if (detail.length() > 4000) {
            detail = detail.substring(0, 4000);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
