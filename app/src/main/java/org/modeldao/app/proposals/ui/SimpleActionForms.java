package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
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

    /** Far above any token supply (a billion tokens), far inside what 18 decimals in a uint256 hold. */
    private static final BigDecimal VOTES_LIMIT = new BigDecimal("1e30");

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
        // votes are tokens with 18 decimals on chain
        DecimalNumberField minVotes = new DecimalNumberField("Minimum votes a caller holds", "min-votes", BigDecimal.ZERO, true,
                VOTES_LIMIT, 18, true, "Enter a number of votes above 0, e.g. 1000 or 0.5");
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
            CheckedField.requireValid(minVotes, rpm, batch);
            return new ProposalAction.SetAccessPolicy(model.getValue(), kind.getValue(),
                    minVotes.isVisible() ? Votes.ofTokens(minVotes.number().orElseThrow()) : BigInteger.ZERO,
                    rpm.number(), batch.number(), allowList.isVisible() ? lines(allowList.getValue()) : List.of());
        });
    }

    /**
     * One form per constraint kind in effect: choosing a kind shows only the fields it reads, each
     * labelled for that kind (no shared "Minimum / confidence" field), with its own range.
     */
    static ActionForm addConstraint() {
        TextField model = field("Model", "model"), target = field("Input name", "target");
        ComboBox<ConstraintKind> kind = new ComboBox<>("Kind", ConstraintKind.values());
        kind.setId("constraint-kind");
        kind.setItemLabelGenerator(KindNames::of);
        kind.setRequired(true);
        DecimalNumberField confidence = new DecimalNumberField("Minimum confidence", "constraint-confidence", BigDecimal.ZERO, true,
                BigDecimal.ONE, 6, true, "Enter a confidence above 0 and at most 1, with at most 6 decimals, e.g. 0.7");
        DecimalNumberField low = new DecimalNumberField("Lowest allowed value", "constraint-min", ProposalAction.LIMIT.negate(), true,
                ProposalAction.LIMIT, 6, true, "Enter a number with at most 6 decimals, e.g. -1.5");
        DecimalNumberField high = new DecimalNumberField("Highest allowed value", "constraint-max", ProposalAction.LIMIT.negate(), true,
                ProposalAction.LIMIT, 6, true, "Enter a number with at most 6 decimals, e.g. 10");
        DecimalNumberField size = new DecimalNumberField("Maximum elements per input", "constraint-size", BigDecimal.ZERO, true,
                ProposalAction.LIMIT, 0, true, "Enter a whole number of elements above 0, e.g. 4");
        TextArea values = new TextArea("Values (one per line)");
        values.setId("constraint-values");
        TextArea rationale = new TextArea("Rationale");
        rationale.setId("rationale-constraint");
        kind.addValueChangeListener(e -> {
            ConstraintKind k = e.getValue();
            target.setVisible(k == ConstraintKind.INPUT_RANGE || k == ConstraintKind.MAX_INPUT_SIZE);
            target.setLabel(k == ConstraintKind.MAX_INPUT_SIZE ? "Input name (empty: every input)" : "Input name");
            confidence.setVisible(k == ConstraintKind.MIN_CONFIDENCE);
            low.setVisible(k == ConstraintKind.INPUT_RANGE);
            high.setVisible(k == ConstraintKind.INPUT_RANGE);
            size.setVisible(k == ConstraintKind.MAX_INPUT_SIZE);
            values.setVisible(k == ConstraintKind.FORBIDDEN_OUTPUT_LABEL || k == ConstraintKind.ALLOWED_PURPOSES);
            values.setLabel(k == ConstraintKind.ALLOWED_PURPOSES ? "Allowed purposes (one per line)" : "Forbidden output labels (one per line)");
        });
        kind.setValue(null);
        List.of(target, confidence, low, high, size, values).forEach(f -> f.setVisible(false));
        return form(new FormLayout(model, kind, target, confidence, low, high, size, values, rationale), () -> {
            if (kind.isEmpty()) {
                kind.setErrorMessage("Choose the kind of constraint");
                kind.setInvalid(true);
            }
            CheckedField.requireValid(confidence, low, high, size);
            ConstraintKind k = kind.getOptionalValue().orElseThrow(() -> new InvalidProposal("Choose the kind of constraint"));
            BigDecimal min = k == ConstraintKind.MIN_CONFIDENCE ? confidence.number().orElseThrow()
                    : k == ConstraintKind.INPUT_RANGE ? low.number().orElseThrow() : null;
            BigDecimal max = k == ConstraintKind.MAX_INPUT_SIZE ? size.number().orElseThrow()
                    : k == ConstraintKind.INPUT_RANGE ? high.number().orElseThrow() : null;
            return new ProposalAction.AddConstraint(model.getValue(), k, target.isVisible() ? target.getValue() : "", min, max,
                    values.isVisible() ? lines(values.getValue()) : List.of(), rationale.getValue());
        });
    }

    static ActionForm removeConstraint() {
        TextField model = field("Model", "model");
        // the registry numbers constraints from 1
        WholeNumberField id = new WholeNumberField("Constraint number", "constraint-id", 1, Long.MAX_VALUE);
        TextArea reason = new TextArea("Reason");
        reason.setId("reason");
        return form(new FormLayout(model, id, reason), () -> {
            CheckedField.requireValid(id);
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
