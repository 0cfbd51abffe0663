package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.app.proposals.InvalidProposal;
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
        ((TextField) find(form, "requests-per-minute")).setValue("60");
        ((TextField) find(form, "max-batch")).setValue("8");
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

    @Test
    void a_decimal_is_refused_on_the_field_instead_of_losing_its_dot() {
        ActionForm form = SimpleActionForms.removeConstraint();
        ((TextField) find(form, "model")).setValue("iris");
        ((TextArea) find(form, "reason")).setValue("superseded");
        WholeNumberField id = find(form, "constraint-id");
        id.setValue("1.5");

        assertThatThrownBy(form::build).isInstanceOf(InvalidProposal.class).hasMessageContaining("Constraint number");
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).isEqualTo("Enter a whole number, 1 or more");

        id.setValue("15");
        assertThat(id.isInvalid()).isFalse();
        assertThat(((ProposalAction.RemoveConstraint) form.build()).constraintId()).isEqualTo(BigInteger.valueOf(15));
    }

    @Test
    void every_bad_number_is_marked_at_once_in_plain_words() {
        ActionForm form = SimpleActionForms.accessPolicy();
        ((TextField) find(form, "model")).setValue("iris");
        WholeNumberField rpm = find(form, "requests-per-minute");
        WholeNumberField batch = find(form, "max-batch");
        rpm.setValue("99999999999");
        batch.setValue("-3");

        assertThatThrownBy(form::build).isInstanceOf(InvalidProposal.class)
                .hasMessage("Check the highlighted fields: Requests per minute, Max inputs per request");
        assertThat(rpm.isInvalid()).isTrue();
        assertThat(batch.isInvalid()).isTrue();
        assertThat(rpm.getErrorMessage()).isEqualTo("Enter a whole number from 1 to 4,294,967,295");
        assertThat(batch.getErrorMessage()).isEqualTo("Enter a whole number from 1 to 4,294,967,295");
    }

    @Test
    void the_largest_number_the_chain_takes_is_accepted() {
        ActionForm form = SimpleActionForms.accessPolicy();
        ((TextField) find(form, "model")).setValue("iris");
        ((TextField) find(form, "requests-per-minute")).setValue("4294967295");
        ((TextField) find(form, "max-batch")).setValue(" 1 ");

        ProposalAction.SetAccessPolicy policy = (ProposalAction.SetAccessPolicy) form.build();

        assertThat(policy.requestsPerMinute()).isEqualTo(4_294_967_295L);
        assertThat(policy.maxBatchSize()).isEqualTo(1);
    }
}
