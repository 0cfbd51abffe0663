package org.modeldao.contracts.events;

import java.math.BigInteger;

/**
 * Logs of the ModelDaoTimelock (OpenZeppelin TimelockController). Operation ids, roles and salts
 * are {@code 0x} + 64 lower-case hex digits; calldata {@code 0x} hex.
 */
public sealed interface TimelockEvent extends GovernanceEvent {

    /** The operation of this event ({@code 0x} hex), or {@code null} for events that are not about one. */
    default String operationId() {
        return null;
    }

    /** Call {@code index} of operation {@code id} was scheduled (one event per call of a batch). */
    record CallScheduled(EventPosition position, String id, BigInteger index, String target, BigInteger value, String data,
            String predecessor, BigInteger delay) implements TimelockEvent {
        @Override
        public String operationId() {
            return id;
        }
    }

    /** Call {@code index} of operation {@code id} ran (one event per call of a batch). */
    record CallExecuted(EventPosition position, String id, BigInteger index, String target, BigInteger value, String data)
            implements TimelockEvent {
        @Override
        public String operationId() {
            return id;
        }
    }

    /** Operation {@code id} was scheduled with a non-zero salt. */
    record CallSalt(EventPosition position, String id, String salt) implements TimelockEvent {
        @Override
        public String operationId() {
            return id;
        }
    }

    /** Operation {@code id} was cancelled. */
    record Cancelled(EventPosition position, String id) implements TimelockEvent {
        @Override
        public String operationId() {
            return id;
        }
    }

    /** The minimum delay (seconds) changed. */
    record MinDelayChange(EventPosition position, BigInteger oldDuration, BigInteger newDuration) implements TimelockEvent {
    }

    record RoleGranted(EventPosition position, String role, String account, String sender) implements TimelockEvent {
    }

    record RoleRevoked(EventPosition position, String role, String account, String sender) implements TimelockEvent {
    }

    record RoleAdminChanged(EventPosition position, String role, String previousAdminRole, String newAdminRole)
            implements TimelockEvent {
    }
}
