package org.modeldao.gateway.audit;

/** Where decisions are recorded; {@link AuditLog} is the durable, hash-chained one. */
@FunctionalInterface
public interface AuditTrail {

    void record(AuditEntry entry);
}
