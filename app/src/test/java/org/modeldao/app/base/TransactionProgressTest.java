package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TransactionProgressTest {

    private final TransactionProgress progress = new TransactionProgress("queue");
    private final Button button = new Button("Queue");
    private final CompletableFuture<String> sending = new CompletableFuture<>();
    private final List<String> sent = new ArrayList<>();

    @Test
    void theButtonIsDisabledWhileTheWalletWorksAndStaysSoOnceSent() {
        progress.track("Queue", button, sending, Runnable::run, sent::add);

        assertThat(button.isEnabled()).isFalse();
        assertThat(status()).isEqualTo("Waiting for your wallet…");

        sending.complete("0x" + "ab".repeat(32));

        assertThat(button.isEnabled()).isFalse();
        assertThat(status()).startsWith("Queue sent · tx 0xabababab…abab");
        assertThat(sent).containsExactly("0x" + "ab".repeat(32));
    }

    @Test
    void aFailureSaysWhyAndWhatToDoAndLetsTheMemberRetry() {
        progress.track("Queue", button, sending, Runnable::run, sent::add);

        sending.completeExceptionally(new IllegalStateException("user rejected the request"));

        assertThat(button.isEnabled()).isTrue();
        assertThat(status()).contains("Queue failed: user rejected the request").contains("try again");
        assertThat(sent).isEmpty();
    }

    private String status() {
        return progress.getChildren().filter(Span.class::isInstance).findFirst().orElseThrow().getElement().getText();
    }
}
