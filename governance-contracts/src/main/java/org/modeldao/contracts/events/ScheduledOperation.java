package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A timelock operation the governor scheduled for a proposal (its {@code ProposalQueued} and the
 * timelock's {@code CallScheduled} in one transaction). Consumers keep these so a later direct
 * execution on the timelock can be traced back ({@link OperationLookup}).
 *
 * @param operationId the timelock operation id ({@code 0x} hex)
 * @param proposalId  the proposal it executes
 * @param position    the first {@code CallScheduled} log of the operation
 */
public record ScheduledOperation(String operationId, BigInteger proposalId, EventPosition position) {

    public ScheduledOperation {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(position, "position");
    }
}
