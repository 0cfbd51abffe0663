package org.modeldao.app.proposals.ui;

import org.modeldao.app.wallet.MemberWallet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.modeldao.app.artifacts.ArtifactService;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.MemberRole;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.wallet.DevWallet;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.app.proposals.ProposalDraft;
import org.modeldao.app.proposals.ProposalForm;
import org.modeldao.app.proposals.ProposalService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The propose wizard: title and rationale, then one or more actions (each checked as it is
 * added), then the member's wallet sends the proposal the server prepared and dry-ran.
 */
@Route("proposals/new")
@PageTitle("New proposal · Model DAO")
@PermitAll
public class NewProposalView extends VerticalLayout {

    private final ProposalService proposals;
    private final SignedInMember member;
    private final Optional<DevWallet> devNode;
    private final List<ProposalAction> actions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final OrderedList actionList = new OrderedList();
    private final TextField title = new TextField("Title");
    private final TextArea rationale = new TextArea("Rationale");
    private final ActionChooser chooser;

    public NewProposalView(ProposalService proposals, ArtifactService artifacts, CurrentMember currentMember,
            ObjectProvider<DevWallet> devNode) {
        this.proposals = proposals;
        this.member = currentMember.require();
        this.devNode = Optional.ofNullable(devNode.getIfAvailable());
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
        Button submit = new Button("Submit proposal from wallet", click -> submit());
        submit.setId("submit-proposal");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        actionList.setId("draft-actions");
        add(new H2("New proposal"), title, rationale, new H3("Actions"), actionList, chooser, add, submit);
    }

    private void addAction() {
        chooser.addChosen().ifPresent(chosen -> {
            actions.add(chosen.action());
            chosen.note().ifPresent(notes::add);
            actionList.add(new ListItem(chosen.action().describe() + chosen.note().map(n -> " — " + n).orElse("")));
        });
    }

    private void submit() {
        ProposalDraft draft = proposals.draft(member.address(), new ProposalForm(title.getValue(),
                ProposalNotes.append(rationale.getValue(), notes), actions));
        UI ui = UI.getCurrent();
        new MemberWallet(ui, devNode, member.address()).send(draft.transaction()).whenComplete((hash, error) -> ui.access(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                Notification.show("Not proposed: " + cause.getMessage(), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            ui.navigate(ProposalView.class, draft.proposalId().toString());
        }));
    }
}
