package org.modeldao.app.chain.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.modeldao.app.base.TransactionConfirmations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * {@link TransactionConfirmations} by asking the node for the receipt every {@code interval} on
 * one shared scheduler thread (no thread blocks per waiting page), for at most {@code maxWait}:
 * a transaction the wallet sent may never be mined (dropped, replaced), and a page must not wait forever.
 */
final class ReceiptPolling implements TransactionConfirmations, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPolling.class);

    private final Web3j web3j;
    private final Duration interval;
    private final Duration maxWait;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("receipt-polling").daemon(true).factory());

    ReceiptPolling(Web3j web3j, Duration interval, Duration maxWait) {
        this.web3j = web3j;
        this.interval = interval;
        this.maxWait = maxWait;
    }

    @Override
    public CompletableFuture<Confirmation> confirmation(String transactionHash) {
        CompletableFuture<Confirmation> confirmed = new CompletableFuture<>();
        long deadline = System.nanoTime() + maxWait.toNanos();
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        polling.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                receipt(transactionHash).ifPresentOrElse(r -> confirmed.complete(new Confirmation(r.getBlockNumber().longValueExact(),
                        r.isStatusOK())), () -> {
                            if (System.nanoTime() - deadline > 0) {
                                confirmed.completeExceptionally(new TimeoutException("no block included it within "
                                        + maxWait.toMinutes() + " min. It may still be mined, or have been dropped: check your"
                                        + " wallet's activity before sending it again"));
                            }
                        });
            } catch (Exception nodeDown) {
                // a node hiccup is retried until the deadline; past it, the member hears why
                log.debug("Receipt of {} not readable yet: {}", transactionHash, nodeDown.getMessage());
                if (System.nanoTime() - deadline > 0) {
                    confirmed.completeExceptionally(new TimeoutException("the chain node did not answer: " + nodeDown.getMessage()));
                }
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS));
        confirmed.whenComplete((c, e) -> polling.get().cancel(false));
        return confirmed;
    }

    private Optional<TransactionReceipt> receipt(String hash) throws java.io.IOException {
        return web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
