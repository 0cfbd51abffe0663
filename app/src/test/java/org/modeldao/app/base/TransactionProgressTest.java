package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.modeldao.app.base.TransactionConfirmations.Confirmation;

class TransactionProgressTest {

    private static final String HASH = "0x" + "ab".repeat(32);

    private final List<String> awaited = new ArrayList<>();
    private final CompletableFuture<Confirmation> confirmation = new CompletableFuture<>();
    private final TransactionProgress progress = new TransactionProgress("queue", hash -> {
        awaited.add(hash);
        return confirmation;
    });
    private final Button button = new Button("Queue");
    private final CompletableFuture<String> sending = new CompletableFuture<>();
    private final List<String> sent = new ArrayList<>();

    @Test
    void the_button_waits_for_the_wallet_then_the_block_and_stays_disabled_once_confirmed() {
        progress.track("Queue", button, sending, Runnable::run, sent::add);

        assertThat(button.isEnabled()).isFalse();
        assertThat(text("queue-status")).isEqualTo("Waiting for your wallet…");

        sending.complete(HASH);

        assertThat(button.isEnabled()).isFalse();
        assertThat(text("queue-status")).isEqualTo("Queue sent · waiting for a block to include it…");
        assertThat(text("queue-tx")).contains("tx 0xabababab…abab");
        assertThat(sent).containsExactly(HASH);
        assertThat(awaited).containsExactly(HASH);

        confirmation.complete(new Confirmation(42, true));

        assertThat(button.isEnabled()).isFalse();
        assertThat(text("queue-status")).startsWith("Queue sent · confirmed in block 42");
        assertThat(descendants(progress).filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("history?text=" + HASH);
    }

    @Test
    void a_wallet_failure_says_why_and_what_to_do_and_lets_the_member_retry() {
        progress.track("Queue", button, sending, Runnable::run, sent::add);

        sending.completeExceptionally(new IllegalStateException("user rejected the request"));

        assertThat(button.isEnabled()).isTrue();
        assertThat(text("queue-status")).contains("Queue failed: user rejected the request").contains("try again");
        assertThat(sent).isEmpty();
        assertThat(awaited).isEmpty();
    }

    @Test
    void a_reverted_transaction_says_nothing_changed_and_lets_the_member_retry() {
        progress.track("Queue", button, sending, Runnable::run, sent::add);
        sending.complete(HASH);

        confirmation.complete(new Confirmation(43, false));

        assertThat(button.isEnabled()).isTrue();
        assertThat(text("queue-status")).startsWith("Queue reverted in block 43").contains("nothing changed").contains("Reload");
    }

    @Test
    void a_transaction_no_block_includes_in_time_says_to_check_the_wallet() {
        progress.track("Queue", button, sending, Runnable::run, sent::add);
        sending.complete(HASH);

        confirmation.completeExceptionally(new TimeoutException("no block included it within 10 min"));

        assertThat(button.isEnabled()).isTrue();
        assertThat(text("queue-status")).isEqualTo("Queue sent, but not confirmed: no block included it within 10 min");
    }

    private String text(String id) {
        return descendants(progress).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow()
                .getElement().getTextRecursively();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(TransactionProgressTest::descendants));
    }
}
