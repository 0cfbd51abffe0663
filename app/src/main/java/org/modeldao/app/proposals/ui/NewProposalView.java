package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.modeldao.app.artifacts.ArtifactService;
import org.modeldao.app.base.AppException;
import org.modeldao.app.base.TransactionConfirmations;
import org.modeldao.app.base.TransactionProgress;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.MemberRole;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.proposals.ProposalDraft;
import org.modeldao.app.proposals.ProposalForm;
import org.modeldao.app.proposals.ProposalService;
import org.modeldao.app.wallet.DevWallet;
import org.modeldao.app.wallet.MemberWallet;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The propose wizard: title and rationale, then one or more actions (each checked as it is
 * added, then listed as a card that can be edited, moved or removed), then the member's wallet
 * sends the proposal the server prepared and dry-ran, visibly pending until its block.
 * Refusals are shown next to the button that was pressed, never as a toast.
 */
@Route("proposals/new")
@PageTitle("New proposal · Model DAO")
@PermitAll
public class NewProposalView extends VerticalLayout {

    private final ProposalService proposals;
    private final SignedInMember member;
    private final Optional<DevWallet> devNode;
    private final DraftActions drafts = new DraftActions();
    private final TextField title = new TextField("Title");
    private final TextArea rationale = new TextArea("Rationale");
    private final ActionChooser chooser;
    private final Span actionError = inlineError("action-error");
    private final Span submitError = inlineError("submit-error");
    private final TransactionProgress progress;

    public NewProposalView(ProposalService proposals, ArtifactService artifacts, CurrentMember currentMember,
            ObjectProvider<DevWallet> devNode, TransactionConfirmations confirmations) {
        this.proposals = proposals;
        this.member = currentMember.require();
        this.devNode = Optional.ofNullable(devNode.getIfAvailable());
        this.progress = new TransactionProgress("submit", confirmations);
        title.setId("title");
        title.setWidthFull();
        rationale.setId("rationale");
        rationale.setWidthFull();
        Map<String, Supplier<ActionForm>> kinds = new LinkedHashMap<>();
        kinds.put("Approve a model version", member.has(MemberRole.ADMIN) ? () -> new ApprovalUploadForm(artifacts) : SimpleActionForms::manualApproval);
        kinds.put("Revoke a version", SimpleActionForms::revoke);
        kinds.put("Set the current version", SimpleActionForms::setCurrent);
        kinds.put("Set an access policy", SimpleActionForms::accessPolicy);
        kinds.put("Add an ethical constraint", SimpleActionForms::addConstraint);
        kinds.put("Remove an ethical constraint", SimpleActionForms::removeConstraint);
        chooser = new ActionChooser(kinds);
        Button add = new Button("Add action", click -> addAction());
        add.setId("add-action");
        Button submit = new Button("Submit proposal from wallet", click -> submit(click.getSource()));
        submit.setId("submit-proposal");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("New proposal"), title, rationale, new H3("Actions"), drafts, chooser, add, actionError, submit, submitError, progress);
    }

    private void addAction() {
        actionError.setVisible(false);
        try {
            chooser.addChosen().ifPresent(chosen -> drafts.add(chosen.action(), chosen.note(), chosen.form()));
        } catch (AppException refused) {
            show(actionError, refused.getMessage());
        }
    }

    private void submit(Button submit) {
        submitError.setVisible(false);
        ProposalDraft draft;
        try {
            draft = proposals.draft(member.address(), new ProposalForm(title.getValue(),
                    ProposalNotes.append(rationale.getValue(), drafts.notes()), drafts.actions()));
        } catch (AppException refused) {
            show(submitError, refused.getMessage());
            return;
        }
        UI ui = UI.getCurrent();
        CompletableFuture<String> sending = new MemberWallet(ui, devNode, member.address()).send(draft.transaction());
        // once in a block the proposal's page opens; it says "being indexed" until the read model has it
        progress.track("Proposal", submit, sending, r -> ui.access(r::run), hash -> { },
                confirmed -> ui.navigate(ProposalView.class, draft.proposalId().toString()));
    }

    private static void show(Span error, String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Span inlineError(String id) {
        Span error = new Span();
        error.setId(id);
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        return error;
    }
}
