package org.modeldao.app.voting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigInteger;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.MemberWallet;
import org.modeldao.app.voting.Ballot;
import org.modeldao.app.voting.VoteService;
import org.modeldao.contracts.VoteType;

/** For / against / abstain with a reason, sent from the wallet or signed and relayed gasless. */
public class VotePanel extends VerticalLayout {

    private final VoteService votes;
    private final MemberWallet wallet;
    private final BigInteger proposalId;
    private final Runnable afterVote;
    private final RadioButtonGroup<VoteType> choice = new RadioButtonGroup<>("Your vote");
    private final TextArea reason = new TextArea("Reason (optional, recorded on-chain)");

    public VotePanel(VoteService votes, MemberWallet wallet, BigInteger proposalId, Runnable afterVote) {
        this.votes = votes;
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
        add(new H3("Vote"), choice, reason, new HorizontalLayout(gasless, fromWallet), budget);
        setPadding(false);
    }

    private void fromWallet() {
        if (choice.isEmpty()) {
            choice.setInvalid(true);
            return;
        }
        UI ui = UI.getCurrent();
        wallet.send(votes.voteTransaction(wallet.address(), proposalId, choice.getValue(), reason.getValue()))
                .whenComplete((hash, error) -> ui.access(() -> done(error == null ? null : error, "Vote sent: " + hash)));
    }

    private void gasless() {
        if (choice.isEmpty()) {
            choice.setInvalid(true);
            return;
        }
        UI ui = UI.getCurrent();
        Ballot ballot = votes.prepare(wallet.address(), proposalId, choice.getValue(), reason.getValue());
        String client = wallet.clientAddress();
        wallet.signTypedData(votes.typedData(ballot))
                .thenApplyAsync(signature -> votes.relay(ballot, signature, client))
                .whenComplete((outcome, error) -> ui.access(() -> {
                    if (outcome instanceof RelayOutcome.Refused refused) {
                        done(new IllegalStateException(refused.reason()), "");
                    } else {
                        done(error, outcome instanceof RelayOutcome.Relayed r ? "Vote relayed in " + r.transactionHash() : "");
                    }
                }));
    }

    private void done(Throwable error, String success) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            Notification.show("Vote not recorded: " + cause.getMessage(), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification.show(success, 4000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        afterVote.run();
    }
}
