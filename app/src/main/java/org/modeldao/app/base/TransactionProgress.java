package org.modeldao.app.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.modeldao.app.base.TransactionConfirmations.Confirmation;

/**
 * The one place a transaction's progress is shown beside the button that sent it: the button is
 * disabled with a spinner while the wallet works ("waiting for your wallet"), then the line says it
 * was sent (with the hash to copy), then "confirmed in block N" with a link to the transaction in
 * the audit history, or why it failed and what to do. The page's own state change (the indexed
 * vote, the new proposal state) follows. Shown inline, so it never covers navigation or the account badge.
 */
public final class TransactionProgress extends HorizontalLayout {

    private static final int MAX_REASON = 300;

    private final TransactionConfirmations confirmations;
    private final ProgressBar spinner = new ProgressBar();
    private final Span status = new Span();
    private final Span transaction = new Span();
    /** What {@link #track} disabled, to enable again after a failure. */
    private final List<HasEnabled> disabledHere = new ArrayList<>();

    public TransactionProgress(String id, TransactionConfirmations confirmations) {
        this.confirmations = confirmations;
        setId(id + "-progress");
        spinner.getElement().setAttribute("aria-label", "Waiting for the transaction");
        setAlignItems(Alignment.CENTER);
        getStyle().set("flex-wrap", "wrap");
        spinner.setIndeterminate(true);
        spinner.setWidth("4rem");
        spinner.setVisible(false);
        status.setId(id + "-status");
        // read out as it changes: the member may have moved focus away from the disabled button
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        transaction.setId(id + "-tx");
        add(spinner, status, transaction);
    }

    /**
     * Follows one sending; {@code button} is the button that sent it or a layout of the buttons that
     * must all wait. After a failure the button can be pressed again; after success it stays
     * disabled (sending twice would fail on-chain) until the page moves on. {@code access} runs UI
     * changes on the UI's thread (the futures complete on others), {@code onSent} gets the hash as
     * soon as the wallet has sent it.
     */
    public void track(String label, HasEnabled button, CompletableFuture<String> sending, Consumer<Runnable> access,
            Consumer<String> onSent) {
        track(label, button, sending, access, onSent, block -> { });
    }

    /** {@link #track(String, HasEnabled, CompletableFuture, Consumer, Consumer)}, then {@code onConfirmed} once a block includes it and it ran. */
    public void track(String label, HasEnabled button, CompletableFuture<String> sending, Consumer<Runnable> access,
            Consumer<String> onSent, Consumer<Confirmation> onConfirmed) {
        disable(button);
        spinner.setVisible(true);
        transaction.removeAll();
        ok("Waiting for your wallet…");
        sending.whenComplete((hash, error) -> access.accept(() -> {
            if (error != null) {
                failed(label + " failed: " + reason(error)
                        + ". Nothing changed on-chain; check your wallet (account, network, funds) and try again.");
                return;
            }
            ok(label + " sent · waiting for a block to include it…");
            transaction.add(new Copyable(hash, "tx " + Formats.shortHash(hash), "transaction hash"));
            onSent.accept(hash);
            confirmations.confirmation(hash).whenComplete((block, notSeen) -> access.accept(() -> {
                if (confirmed(label, button, hash, block, notSeen)) {
                    onConfirmed.accept(block);
                }
            }));
        }));
    }

    /** Shows how the transaction ended; true if a block included it and it ran. */
    private boolean confirmed(String label, HasEnabled button, String hash, Confirmation confirmation, Throwable notSeen) {
        if (notSeen != null) {
            failed(label + " sent, but not confirmed: " + reason(notSeen));
            return false;
        }
        transaction.removeAll();
        transaction.add(new Copyable(hash, "tx " + Formats.shortHash(hash), "transaction hash"), auditLink(hash));
        if (!confirmation.succeeded()) {
            failed(label + " reverted in block " + confirmation.block() + ": the chain refused it and nothing changed"
                    + " (often the proposal moved on meanwhile). Reload the page to see its state before trying again.");
            return false;
        }
        spinner.setVisible(false);
        ok(label + " sent · confirmed in block " + confirmation.block() + " · the page updates once the app has indexed it.");
        return true;
    }

    /** The app's own record of a transaction: the audit history filtered on its hash (the catalog links there too). */
    public static Anchor auditLink(String hash) {
        Anchor link = new Anchor(ChainLinks.historyOf(hash), "in the history");
        link.addClassName("tx-history-link");
        link.setTitle("The audit history's entries for transaction " + hash);
        return link;
    }

    private void ok(String text) {
        status.setText(text);
        status.getElement().getThemeList().remove("badge");
        status.getElement().getThemeList().remove("error");
    }

    private void failed(String text) {
        spinner.setVisible(false);
        disabledHere.forEach(b -> b.setEnabled(true));
        disabledHere.clear();
        status.setText(text);
        status.getElement().getThemeList().add("badge");
        status.getElement().getThemeList().add("error");
    }

    /**
     * Disables the button, or each button of a layout, remembering which were enabled: a disabled
     * layout alone makes the server ignore its buttons, but they would still look and announce
     * themselves as enabled; and a button that was off before (gasless with no budget) stays off after.
     */
    private void disable(HasEnabled target) {
        List<HasEnabled> enabled = new ArrayList<>();
        collectEnabled(target, enabled);
        enabled.forEach(b -> b.setEnabled(false));
        disabledHere.addAll(enabled);
    }

    private static void collectEnabled(HasEnabled target, List<HasEnabled> into) {
        if (target.isEnabled()) {
            into.add(target);
        }
        if (target instanceof Component component) {
            component.getChildren().filter(HasEnabled.class::isInstance).map(HasEnabled.class::cast).forEach(c -> collectEnabled(c, into));
        }
    }

    /** The wallet's or the app's own words, bounded: a wallet extension's error text is not ours to trust in length. */
    private static String reason(Throwable error) {
        // only the future's wrapper is peeled: an app exception's own message is the one that says why
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = String.valueOf(cause.getMessage()).strip();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "…";
    }
}
