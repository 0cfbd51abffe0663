package org.modeldao.gateway.audit;

/**
 * The audit log could not take an entry within the bounded wait (its writer is behind or the
 * database refuses writes). The call it records must not be answered as if it were recorded.
 */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message) {
        super(message);
    }
}
