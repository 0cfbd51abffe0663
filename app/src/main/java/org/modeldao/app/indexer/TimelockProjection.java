package org.modeldao.app.indexer;

import org.modeldao.contracts.events.TimelockEvent;

/**
 * The timelock's scheduling and execution, for the governance history. (Which proposal an
 * operation belongs to is the stream's attribution, stored in {@code timelock_operation}.)
 */
final class TimelockProjection {

    private TimelockProjection() {
    }

    static void apply(TimelockEvent event, BatchChanges changes) {
        changes.history(event, null, switch (event) {
            case TimelockEvent.CallScheduled e -> "Operation " + e.id() + " call " + e.index() + " to " + e.target() + " scheduled, delay "
                    + e.delay() + " s";
            case TimelockEvent.CallExecuted e -> "Operation " + e.id() + " call " + e.index() + " to " + e.target() + " executed";
            case TimelockEvent.CallSalt e -> "Operation " + e.id() + " salted";
            case TimelockEvent.Cancelled e -> "Operation " + e.id() + " cancelled";
            case TimelockEvent.MinDelayChange e -> "Minimum delay set to " + e.newDuration() + " s";
            case TimelockEvent.RoleGranted e -> "Role " + e.role() + " granted to " + e.account();
            case TimelockEvent.RoleRevoked e -> "Role " + e.role() + " revoked from " + e.account();
            case TimelockEvent.RoleAdminChanged e -> "Role admin changed for " + e.role();
        });
    }
}
