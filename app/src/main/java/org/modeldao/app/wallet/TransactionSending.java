package org.modeldao.app.wallet;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.modeldao.app.base.AppException;

/**
 * Turns both ways of sending (from the wallet, or signed and relayed gasless) into one pending
 * transaction hash, so a page shows them alike (base/TransactionProgress): votes and delegations.
 */
public final class TransactionSending {

    private TransactionSending() {
    }

    /**
     * Starts a sending. A refusal before anything reaches the wallet (voting closed, already voted,
     * a delegation that changes nothing, a bad address) becomes a failed sending, so it is shown beside
     * the button like any other failure instead of as a page error.
     */
    public static CompletableFuture<String> start(Supplier<CompletableFuture<String>> sending) {
        try {
            return sending.get();
        } catch (AppException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** The relayer's hash once mined; a refusal (a value, not an exception, in the service) fails with its reason. */
    public static CompletableFuture<String> relayed(CompletableFuture<RelayOutcome> outcome) {
        return outcome.thenCompose(o -> switch (o) {
            case RelayOutcome.Relayed relayed -> CompletableFuture.completedFuture(relayed.transactionHash());
            case RelayOutcome.Refused refused -> CompletableFuture.failedFuture(new IllegalStateException(refused.reason()));
        });
    }
}
