package org.modeldao.app.voting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modeldao.app.base.TransactionProgress;
import org.modeldao.app.wallet.TransactionSending;
import org.modeldao.app.proposals.GovernanceActionRefused;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.voting.VoteService;
import org.modeldao.app.wallet.MemberWallet;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.Relayer;

/** A ballot is visibly pending (both buttons disabled, spinner) and a refusal says why beside the buttons. */
class VotePanelTest {

    private final TransactionProgress progress = new TransactionProgress("vote", hash -> new CompletableFuture<>());
    private final Button gasless = new Button("Vote without gas (sign)");
    private final Button fromWallet = new Button("Vote from wallet");
    private final HorizontalLayout buttons = new HorizontalLayout(gasless, fromWallet);
    private final List<String> sent = new ArrayList<>();

    @AfterEach
    void leaveUi() {
        UI.setCurrent(null);
    }

    @Test
    void while_a_ballot_is_pending_both_buttons_are_disabled_and_stay_so_once_sent() {
        CompletableFuture<String> wallet = new CompletableFuture<>();
        progress.track("Vote", buttons, TransactionSending.start(() -> wallet), Runnable::run, sent::add);

        assertThat(gasless.isEnabled()).isFalse();
        assertThat(fromWallet.isEnabled()).isFalse();
        assertThat(status(progress)).isEqualTo("Waiting for your wallet…");

        wallet.complete("0x" + "ef".repeat(32));

        assertThat(fromWallet.isEnabled()).isFalse();
        assertThat(status(progress)).startsWith("Vote sent · waiting for a block");
        assertThat(find(progress, "vote-tx").getElement().getTextRecursively()).contains("tx 0xefefefef…efef");
        assertThat(sent).containsExactly("0x" + "ef".repeat(32));
    }

    @Test
    void a_refusal_before_the_wallet_is_asked_says_why_and_the_buttons_work_again() {
        progress.track("Vote", buttons, TransactionSending.start(() -> {
            throw new GovernanceActionRefused("0xbb has already voted on this proposal.");
        }), Runnable::run, sent::add);

        assertThat(status(progress)).startsWith("Vote failed: 0xbb has already voted on this proposal.");
        assertThat(gasless.isEnabled()).isTrue();
        assertThat(fromWallet.isEnabled()).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void a_gasless_ballot_the_relayer_refuses_fails_with_the_relayers_reason() {
        CompletableFuture<RelayOutcome> relay = new CompletableFuture<>();
        progress.track("Vote", buttons, TransactionSending.relayed(relay), Runnable::run, sent::add);
        assertThat(fromWallet.isEnabled()).isFalse();

        relay.complete(new RelayOutcome.Refused("This ballot was signed for nonce 3 but the voter's nonce is 4"));

        assertThat(status(progress)).startsWith("Vote failed: This ballot was signed for nonce 3 but the voter's nonce is 4");
        assertThat(fromWallet.isEnabled()).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void a_relayed_ballot_reports_the_relayers_transaction() {
        progress.track("Vote", buttons, TransactionSending.relayed(CompletableFuture.completedFuture(new RelayOutcome.Relayed("0x" + "12".repeat(32), 9))),
                Runnable::run, sent::add);

        assertThat(find(progress, "vote-tx").getElement().getTextRecursively()).contains("tx 0x12121212…1212");
        assertThat(sent).containsExactly("0x" + "12".repeat(32));
    }

    @Test
    void a_button_that_was_off_before_stays_off_after_a_failure_and_each_button_shows_itself_disabled() {
        gasless.setEnabled(false);
        CompletableFuture<String> wallet = new CompletableFuture<>();
        progress.track("Vote", buttons, TransactionSending.start(() -> wallet), Runnable::run, sent::add);
        assertThat(fromWallet.getElement().isEnabled()).as("the button's own element, as the browser shows it").isFalse();

        wallet.completeExceptionally(new IllegalStateException("user rejected the request"));

        assertThat(fromWallet.isEnabled()).isTrue();
        assertThat(gasless.isEnabled()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void voting_without_a_choice_marks_the_choice_and_sends_nothing() {
        UI.setCurrent(new UI());
        GovernanceContracts dao = new GovernanceContracts(31337, "0x01", "0x02", "0x03", "0x04", 1);
        // the services are not reached: the panel stops at the missing choice
        VotePanel panel = new VotePanel(new VoteService(dao, null, Relayer.off()),
                new MemberWallet(UI.getCurrent(), Optional.empty(), "0x00000000000000000000000000000000000000bb"), BigInteger.ONE, () -> { },
                hash -> new CompletableFuture<>());

        ((Button) find(panel, "vote-wallet")).click();

        assertThat(((RadioButtonGroup<?>) find(panel, "vote-choice")).isInvalid()).isTrue();
        assertThat(find(panel, "vote-wallet").getElement().isEnabled()).isTrue();
        assertThat(find(panel, "vote-status").getElement().getText()).isEmpty();
        assertThat(find(panel, "vote-gasless").getElement().isEnabled()).as("relaying is off on this server").isFalse();
    }

    private static String status(TransactionProgress progress) {
        return progress.getChildren().filter(Span.class::isInstance).findFirst().orElseThrow().getElement().getText();
    }

    private static Component find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(VotePanelTest::descendants));
    }
}
