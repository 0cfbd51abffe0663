package org.modeldao.gateway.decisions;

/**
 * The audit log could not take an entry within the bounded wait (its writer is behind or the
 * database refuses writes). The call it records must not be answered as if it were recorded.
 */
public final class DecisionLogUnavailableException extends RuntimeException {

    public DecisionLogUnavailableException(String message) {
        super(message);
    }
}
