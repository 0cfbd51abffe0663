package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The proposals of timelock operations scheduled in batches read earlier: how the stream names the
 * proposal of a registry change executed by calling the timelock directly, when the operation was
 * queued before the batch being read. The consumer answers from what it stored of
 * {@link EventBatch#scheduledOperations()} (the app from SQL, the gateway with
 * {@link InMemoryOperations}).
 */
@FunctionalInterface
public interface OperationLookup {

    /** Nothing known: direct executions of operations queued in earlier batches stay unattributed. */
    OperationLookup NONE = operationId -> Optional.empty();

    /**
     * @param operationId timelock operation id, {@code 0x} + 64 lower-case hex digits
     * @return the proposal it was scheduled for, if this consumer has seen it scheduled
     */
    Optional<BigInteger> proposalOf(String operationId);
}
