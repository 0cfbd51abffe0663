package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A proposal was executed in a transaction: the link from a registry change to the decision that
 * made it.
 *
 * @param proposalId  the executed proposal
 * @param operationId the timelock operation that ran ({@code 0x} hex); {@code null} only if the
 *                    governor executed without the timelock reporting a call (never with this DAO)
 * @param route       through the governor's {@code execute}, or by calling the timelock directly
 * @param position    the governor's {@code ProposalExecuted} log, or the timelock's first
 *                    {@code CallExecuted} log of the operation when it was executed directly
 */
public record ProposalExecution(BigInteger proposalId, String operationId, Route route, EventPosition position) {

    public ProposalExecution {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(position, "position");
    }

    /** The transaction that executed the proposal. */
    public String txHash() {
        return position.txHash();
    }

    public long blockNumber() {
        return position.blockNumber();
    }

    /** How a ready proposal was executed: anyone may call either. */
    public enum Route {
        /** {@code governor.execute(...)}: the governor emits {@code ProposalExecuted}. */
        GOVERNOR,
        /** {@code timelock.executeBatch(...)} called directly: only the timelock's {@code CallExecuted} tells. */
        TIMELOCK
    }
}
