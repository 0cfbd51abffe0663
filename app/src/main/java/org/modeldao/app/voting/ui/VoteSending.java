package org.modeldao.app.voting.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.modeldao.app.base.AppException;
import org.modeldao.app.wallet.RelayOutcome;

/** Turns both ways of voting into one pending transaction hash, so the panel shows them alike. */
final class VoteSending {

    private VoteSending() {
    }

    /**
     * Starts a sending. A refusal before anything reaches the wallet (voting closed, already voted,
     * no votes at the snapshot, reason too long) becomes a failed sending, so it is shown beside
     * the button like any other failure instead of as a page error.
     */
    static CompletableFuture<String> start(Supplier<CompletableFuture<String>> sending) {
        try {
            return sending.get();
        } catch (AppException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** The relayer's hash once mined; a refusal (a value, not an exception, in the service) fails with its reason. */
    static CompletableFuture<String> relayed(CompletableFuture<RelayOutcome> outcome) {
        return outcome.thenCompose(o -> switch (o) {
            case RelayOutcome.Relayed relayed -> CompletableFuture.completedFuture(relayed.transactionHash());
            case RelayOutcome.Refused refused -> CompletableFuture.failedFuture(new IllegalStateException(refused.reason()));
        });
    }
}
