package org.modeldao.app.delegation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.modeldao.app.base.TransactionConfirmations;
import org.modeldao.app.base.TransactionProgress;
import org.modeldao.app.delegation.Delegate;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.delegation.SignedDelegation;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.wallet.DevWallet;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.wallet.TransactionSending;
import org.modeldao.app.proposals.Votes;
import org.modeldao.app.readmodel.LiveRefresh;
import org.modeldao.app.wallet.MemberWallet;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Delegates with their voting power and delegators (click a delegate for who delegates to it and
 * with how many tokens); signed-in members delegate (wallet or signature).
 */
@Route("delegates")
@PageTitle("Delegates · Model DAO")
@AnonymousAllowed
public class DelegatesView extends VerticalLayout {

    private final DelegationService delegation;
    private final Grid<Delegate> grid = new Grid<>();
    private final Paragraph mine = new Paragraph();
    private final Span budget = new Span();
    private Button bySignature;
    private final Optional<String> member;
    private final TransactionProgress progress;

    public DelegatesView(DelegationService delegation, CurrentMember currentMember, ObjectProvider<DevWallet> devNode,
            GovernanceUpdates updates, TransactionConfirmations confirmations) {
        this.delegation = delegation;
        this.progress = new TransactionProgress("delegate", confirmations);
        this.member = currentMember.get().map(m -> m.address());
        grid.setId("delegates");
        grid.addColumn(Delegate::address).setHeader("Delegate").setFlexGrow(2);
        grid.addColumn(d -> Votes.format(d.votingPower())).setHeader("Voting power");
        grid.addColumn(Delegate::delegators).setHeader("Delegators");
        grid.setItems(query -> delegation.delegates(query.getOffset(), query.getLimit()).stream(),
                query -> (int) delegation.countDelegates());
        // a click on a delegate opens (or closes) its delegators below the row, themselves paged lazily
        grid.setItemDetailsRenderer(new ComponentRenderer<>(d -> DelegatorsGrid.of(delegation, d.address())));
        grid.setDetailsVisibleOnClick(true);
        grid.setEmptyStateText("No one holds delegated votes yet. Token holders delegate, to themselves or someone they trust, to make their votes count.");
        add(new H2("Delegates"));
        member.ifPresent(address -> add(mine, delegateForm(new MemberWallet(UI.getCurrent(), Optional.ofNullable(devNode.getIfAvailable()), address))));
        add(grid);
        refresh();
        LiveRefresh.attach(this, updates, this::refresh);
    }

    private VerticalLayout delegateForm(MemberWallet wallet) {
        TextField to = new TextField("Delegate to (address)");
        to.setId("delegate-to");
        to.setWidthFull();
        to.setMaxWidth("32em");
        to.setValue(wallet.address());
        HorizontalLayout buttons = new HorizontalLayout();
        Button byWallet = new Button("Delegate from wallet", click -> track(buttons, () ->
                wallet.send(delegation.delegateTransaction(wallet.address(), to.getValue()))));
        byWallet.setId("delegate-wallet");
        bySignature = new Button("Delegate without gas (sign)", click -> track(buttons, () -> {
            SignedDelegation unsigned = delegation.unsigned(wallet.address(), to.getValue());
            String client = wallet.clientAddress();
            return TransactionSending.relayed(wallet.signTypedData(delegation.typedData(unsigned))
                    .thenApplyAsync(signature -> delegation.relay(new SignedDelegation(unsigned.delegator(), unsigned.delegatee(),
                            unsigned.nonce(), unsigned.expiry(), signature), client)));
        }));
        bySignature.setId("delegate-gasless");
        bySignature.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buttons.add(bySignature, byWallet);
        budget.setId("gasless-budget");
        return new VerticalLayout(new H3("Delegate your votes"), to, buttons, progress, budget);
    }

    /** Both buttons wait together while a delegation is pending. */
    private void track(HorizontalLayout buttons, Supplier<CompletableFuture<String>> sending) {
        UI ui = UI.getCurrent();
        // the budget moves as soon as it is sent; the indexed delegation refreshes the page (LiveRefresh)
        progress.track("Delegation", buttons, TransactionSending.start(sending), r -> ui.access(r::run), hash -> refresh());
    }

    private void refresh() {
        member.ifPresent(address -> showBudget());
        member.ifPresent(address -> mine.setText("Your voting power: " + Votes.format(delegation.votingPower(address))
                + " · your votes are delegated to " + delegation.currentDelegate(address)));
        grid.getDataProvider().refreshAll();
    }

    private void showBudget() {
        delegation.gaslessBudget().ifPresentOrElse(today -> {
            budget.setText("Without gas: " + today.describe() + ".");
            // only ever turned off here: while a delegation is pending its progress line keeps the buttons off
            if (today.exhausted()) {
                bySignature.setEnabled(false);
            }
        }, () -> {
            budget.setText("Delegating without gas is off on this server.");
            bySignature.setEnabled(false);
        });
    }
}
