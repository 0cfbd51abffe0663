package org.modeldao.app.base;

import java.util.concurrent.CompletableFuture;

/**
 * Waits for a sent transaction to be included in a block. Declared here (implemented by the chain
 * adapter) so {@link TransactionProgress} can say "confirmed in block N" without the UI base
 * depending on the chain module.
 */
@FunctionalInterface
public interface TransactionConfirmations {

    /**
     * Completes once a block includes {@code transactionHash}; fails (with what to do) when none
     * has after a bounded wait.
     */
    CompletableFuture<Confirmation> confirmation(String transactionHash);

    /** The block that included a transaction and whether it ran (false: it reverted and changed nothing). */
    record Confirmation(long block, boolean succeeded) {
    }
}
