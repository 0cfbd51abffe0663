package org.modeldao.app.base;

import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The one place a transaction's progress is shown beside the button that sent it: the button is
 * disabled with a spinner while the wallet works, then the line says it was sent (with the hash)
 * or why it failed and what to do. Shown inline, so it never covers navigation or the account badge.
 */
public final class TransactionProgress extends HorizontalLayout {

    private static final int MAX_REASON = 300;

    private final ProgressBar spinner = new ProgressBar();
    private final Span status = new Span();

    public TransactionProgress(String id) {
        setId(id + "-progress");
        setAlignItems(Alignment.CENTER);
        spinner.setIndeterminate(true);
        spinner.setWidth("4rem");
        spinner.setVisible(false);
        status.setId(id + "-status");
        add(spinner, status);
    }

    /**
     * Follows one sending; {@code button} is the button that sent it or a layout of the buttons that
     * must all wait. After a failure the button can be pressed again, after success it stays
     * disabled (sending twice would fail on-chain) until the page moves on. {@code access} runs UI changes on the UI's thread (the future completes on
     * another), {@code onSent} gets the transaction hash.
     */
    /** The wallet's or the app's own words, bounded: a wallet extension's error text is not ours to trust in length. */
    private static String reason(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).strip();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "…";
    }

    public void track(String label, HasEnabled button, CompletableFuture<String> sending, Consumer<Runnable> access,
            Consumer<String> onSent) {
        button.setEnabled(false);
        spinner.setVisible(true);
        status.setText("Waiting for your wallet…");
        sending.whenComplete((hash, error) -> access.accept(() -> {
            spinner.setVisible(false);
            if (error != null) {
                button.setEnabled(true);
                // only the future's wrapper is peeled: an app exception's own message is the one that says why
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                status.setText(label + " failed: " + reason(cause)
                        + ". Nothing changed on-chain; check your wallet (account, network, funds) and try again.");
                status.getElement().getThemeList().add("badge error");
            } else {
                status.setText(label + " sent · tx " + Formats.shortHash(hash) + " · the page updates once it is confirmed and indexed.");
                status.getElement().getThemeList().remove("badge error");
                onSent.accept(hash);
            }
        }));
    }
}
