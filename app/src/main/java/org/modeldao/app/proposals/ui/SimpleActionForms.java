package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.modeldao.app.proposals.InvalidProposal;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.app.proposals.Votes;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

/** Forms for the actions that need no upload: revoke, set current, policy, constraints, manual approval. */
final class SimpleActionForms {

    private SimpleActionForms() {
    }

    static TextField field(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    static ActionForm revoke() {
        TextField model = field("Model", "model"), version = field("Version", "version");
        TextArea reason = new TextArea("Reason");
        reason.setId("reason");
        return form(new FormLayout(model, version, reason), () -> new ProposalAction.RevokeVersion(model.getValue(), version.getValue(), reason.getValue()));
    }

    static ActionForm setCurrent() {
        TextField model = field("Model", "model"), version = field("Version", "version");
        return form(new FormLayout(model, version), () -> new ProposalAction.SetCurrentVersion(model.getValue(), version.getValue()));
    }

    static ActionForm manualApproval() {
        TextField model = field("Model", "model"), version = field("Version", "version"), format = field("Format", "format");
        format.setValue("onnx");
        TextField artifactSha = field("Artifact sha256", "artifact-sha256"), artifactUrl = field("Artifact URL", "artifact-url");
        TextField cardSha = field("Model card sha256", "card-sha256"), cardUrl = field("Model card URL", "card-url");
        return form(new FormLayout(model, version, format, artifactSha, artifactUrl, cardSha, cardUrl),
                () -> new ProposalAction.ApproveVersion(model.getValue(), version.getValue(), artifactSha.getValue(),
                        artifactUrl.getValue(), cardSha.getValue(), cardUrl.getValue(), format.getValue()));
    }

    static ActionForm accessPolicy() {
        TextField model = field("Model", "model");
        Select<PolicyKind> kind = new Select<>();
        kind.setLabel("Who may call it");
        kind.setId("policy-kind");
        kind.setItems(PolicyKind.values());
        kind.setItemLabelGenerator(KindNames::of);
        BigDecimalField minVotes = new BigDecimalField("Minimum votes (token holders)");
        minVotes.setId("min-votes");
        WholeNumberField rpm = new WholeNumberField("Requests per minute", "requests-per-minute", 1, WholeNumberField.UINT32_MAX);
        WholeNumberField batch = new WholeNumberField("Max inputs per request", "max-batch", 1, WholeNumberField.UINT32_MAX);
        TextArea allowList = new TextArea("Allowed addresses (one per line)");
        allowList.setId("allow-list");
        // Only the fields the chosen policy reads are shown; the others would be ignored on chain.
        kind.addValueChangeListener(e -> {
            minVotes.setVisible(e.getValue() == PolicyKind.TOKEN_HOLDERS);
            allowList.setVisible(e.getValue() == PolicyKind.ALLOW_LIST);
        });
        kind.setValue(PolicyKind.PUBLIC);
        return form(new FormLayout(model, kind, minVotes, rpm, batch, allowList), () -> {
            WholeNumberField.requireValid(rpm, batch);
            return new ProposalAction.SetAccessPolicy(model.getValue(), kind.getValue(),
                    minVotes.isVisible() && !minVotes.isEmpty() ? Votes.ofTokens(minVotes.getValue()) : BigInteger.ZERO,
                    rpm.number(), batch.number(), allowList.isVisible() ? lines(allowList.getValue()) : List.of());
        });
    }

    static ActionForm addConstraint() {
        TextField model = field("Model", "model"), target = field("Input name (ranges, sizes)", "target");
        ComboBox<ConstraintKind> kind = new ComboBox<>("Kind", ConstraintKind.values());
        kind.setId("constraint-kind");
        kind.setItemLabelGenerator(KindNames::of);
        BigDecimalField min = new BigDecimalField("Minimum / confidence");
        min.setId("constraint-min");
        BigDecimalField max = new BigDecimalField("Maximum / size");
        max.setId("constraint-max");
        TextArea values = new TextArea("Labels or purposes (one per line)");
        values.setId("constraint-values");
        TextArea rationale = new TextArea("Rationale");
        rationale.setId("rationale-constraint");
        return form(new FormLayout(model, kind, target, min, max, values, rationale), () -> new ProposalAction.AddConstraint(model.getValue(),
                kind.getOptionalValue().orElseThrow(() -> new InvalidProposal("Constraint kind is required")), target.getValue(),
                min.getValue(), max.getValue(), lines(values.getValue()), rationale.getValue()));
    }

    static ActionForm removeConstraint() {
        TextField model = field("Model", "model");
        // the registry numbers constraints from 1
        WholeNumberField id = new WholeNumberField("Constraint number", "constraint-id", 1, Long.MAX_VALUE);
        TextArea reason = new TextArea("Reason");
        reason.setId("reason");
        return form(new FormLayout(model, id, reason), () -> {
            WholeNumberField.requireValid(id);
            return new ProposalAction.RemoveConstraint(model.getValue(), BigInteger.valueOf(id.number()), reason.getValue());
        });
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static ActionForm form(Component component, java.util.function.Supplier<ProposalAction> build) {
        return new ActionForm() {
            @Override
            public Component component() {
                return component;
            }

            @Override
            public ProposalAction build() {
                return build.get();
            }
        };
    }

}
