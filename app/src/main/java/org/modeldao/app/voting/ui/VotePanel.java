package org.modeldao.app.voting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;
import org.modeldao.app.base.TransactionConfirmations;
import org.modeldao.app.base.TransactionProgress;
import org.modeldao.app.wallet.TransactionSending;
import org.modeldao.app.wallet.MemberWallet;
import org.modeldao.app.voting.Ballot;
import org.modeldao.app.voting.VoteService;
import org.modeldao.contracts.VoteType;

/**
 * For / against / abstain with a reason, sent from the wallet or signed and relayed gasless. While
 * a ballot is pending both buttons are disabled with a spinner; a failure or refusal says why inline.
 */
public class VotePanel extends VerticalLayout {

    private final VoteService votes;
    private final MemberWallet wallet;
    private final BigInteger proposalId;
    private final Runnable afterVote;
    private final RadioButtonGroup<VoteType> choice = new RadioButtonGroup<>("Your vote");
    private final TextArea reason = new TextArea("Reason (optional, recorded on-chain)");
    private final HorizontalLayout buttons = new HorizontalLayout();
    private final TransactionProgress progress;

    public VotePanel(VoteService votes, MemberWallet wallet, BigInteger proposalId, Runnable afterVote,
            TransactionConfirmations confirmations) {
        this.votes = votes;
        this.progress = new TransactionProgress("vote", confirmations);
        this.wallet = wallet;
        this.proposalId = proposalId;
        this.afterVote = afterVote;
        choice.setId("vote-choice");
        choice.setItems(VoteType.FOR, VoteType.AGAINST, VoteType.ABSTAIN);
        choice.setItemLabelGenerator(v -> v.name().charAt(0) + v.name().substring(1).toLowerCase());
        choice.setRequired(true);
        reason.setId("vote-reason");
        reason.setWidthFull();
        reason.setMaxLength(Ballot.MAX_REASON_LENGTH);
        Button fromWallet = new Button("Vote from wallet", click -> fromWallet());
        fromWallet.setId("vote-wallet");
        Button gasless = new Button("Vote without gas (sign)", click -> gasless());
        gasless.setId("vote-gasless");
        gasless.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        gasless.setEnabled(votes.gaslessAvailable());
        Span budget = new Span();
        budget.setId("gasless-budget");
        votes.gaslessBudget().ifPresentOrElse(today -> {
            budget.setText("Without gas: " + today.describe() + ".");
            gasless.setEnabled(!today.exhausted());
        }, () -> budget.setText("Voting without gas is off on this server."));
        buttons.add(gasless, fromWallet);
        add(new H3("Vote"), choice, reason, buttons, progress, budget);
        setPadding(false);
    }

    private void fromWallet() {
        if (choice.isEmpty()) {
            choice.setInvalid(true);
            return;
        }
        track(TransactionSending.start(() -> wallet.send(votes.voteTransaction(wallet.address(), proposalId, choice.getValue(),
                reason.getValue()))));
    }

    private void gasless() {
        if (choice.isEmpty()) {
            choice.setInvalid(true);
            return;
        }
        String client = wallet.clientAddress();
        track(TransactionSending.start(() -> {
            Ballot ballot = votes.prepare(wallet.address(), proposalId, choice.getValue(), reason.getValue());
            return TransactionSending.relayed(wallet.signTypedData(votes.typedData(ballot))
                    .thenApplyAsync(signature -> votes.relay(ballot, signature, client)));
        }));
    }

    /** Both buttons wait together: a second ballot while the first is pending would only be refused. */
    private void track(CompletableFuture<String> sending) {
        UI ui = UI.getCurrent();
        progress.track("Vote", buttons, sending, r -> ui.access(r::run), hash -> afterVote.run());
    }
}
