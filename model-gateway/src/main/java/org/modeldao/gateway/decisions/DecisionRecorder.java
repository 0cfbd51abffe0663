package org.modeldao.gateway.decisions;

/** Where decisions are recorded; {@link DecisionLog} is the durable, hash-chained one. */
@FunctionalInterface
public interface DecisionRecorder {

    void record(DecisionEntry entry);
}
