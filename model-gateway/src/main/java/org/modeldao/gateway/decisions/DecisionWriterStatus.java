package org.modeldao.gateway.decisions;

/**
 * How the audit writer is doing, for readiness and metrics.
 *
 * @param backlog entries recorded but not yet in the database
 * @param lastSuccessAgeMillis since the writer last stored a batch (or started)
 * @param stalled entries have waited longer than the configured bound without anything being stored
 * @param lastError the database's last refusal, "" if none since the last success
 */
public record DecisionWriterStatus(long backlog, long writeFailures, long asciiOnlyEntries, long refusedCalls,
        long lastSuccessAgeMillis, boolean stalled, String lastError) {}
