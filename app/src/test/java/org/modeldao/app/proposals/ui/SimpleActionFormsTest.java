package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

class SimpleActionFormsTest {

    @SuppressWarnings("unchecked")
    static <T extends Component> T find(ActionForm form, String id) {
        return (T) form.component().getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void policy_kinds_have_human_names_and_only_their_own_fields() {
        ActionForm form = SimpleActionForms.accessPolicy();
        Select<PolicyKind> kind = find(form, "policy-kind");
        BigDecimalField minVotes = find(form, "min-votes");
        TextArea allowList = find(form, "allow-list");

        assertThat(kind.getItemLabelGenerator().apply(PolicyKind.PUBLIC)).isEqualTo("Anyone");
        assertThat(kind.getItemLabelGenerator().apply(PolicyKind.TOKEN_HOLDERS)).isEqualTo("Token holders");
        assertThat(minVotes.isVisible()).isFalse();
        assertThat(allowList.isVisible()).isFalse();

        kind.setValue(PolicyKind.TOKEN_HOLDERS);
        assertThat(minVotes.isVisible()).isTrue();
        assertThat(allowList.isVisible()).isFalse();

        kind.setValue(PolicyKind.ALLOW_LIST);
        assertThat(minVotes.isVisible()).isFalse();
        assertThat(allowList.isVisible()).isTrue();
    }

    @Test
    void values_in_hidden_fields_are_not_sent() {
        ActionForm form = SimpleActionForms.accessPolicy();
        Select<PolicyKind> kind = find(form, "policy-kind");
        ((TextField) find(form, "model")).setValue("iris");
        ((IntegerField) find(form, "requests-per-minute")).setValue(60);
        ((IntegerField) find(form, "max-batch")).setValue(8);
        kind.setValue(PolicyKind.TOKEN_HOLDERS);
        ((BigDecimalField) find(form, "min-votes")).setValue(new BigDecimal("5"));
        ((TextArea) find(form, "allow-list")).setValue("0x0000000000000000000000000000000000000001");
        kind.setValue(PolicyKind.PUBLIC);

        ProposalAction.SetAccessPolicy policy = (ProposalAction.SetAccessPolicy) form.build();

        assertThat(policy.kind()).isEqualTo(PolicyKind.PUBLIC);
        assertThat(policy.minVotes()).isEqualTo(BigInteger.ZERO);
        assertThat(policy.allowList()).isEqualTo(List.of());
    }

    @Test
    void constraint_kinds_have_human_names() {
        ComboBox<ConstraintKind> kind = find(SimpleActionForms.addConstraint(), "constraint-kind");

        assertThat(kind.getItemLabelGenerator().apply(ConstraintKind.MIN_CONFIDENCE)).isEqualTo("Minimum confidence");
        assertThat(kind.getItemLabelGenerator().apply(ConstraintKind.ALLOWED_PURPOSES)).isEqualTo("Allowed purposes");
    }
}
