package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
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

@SuppressWarnings("unchecked")
class SimpleActionFormsTest {

    @SuppressWarnings("unchecked")
    static <T extends Component> T find(ActionForm form, String id) {
        return (T) form.component().getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void policy_kinds_have_human_names_and_only_their_own_fields() {
        ActionForm form = SimpleActionForms.accessPolicy();
        Select<PolicyKind> kind = find(form, "policy-kind");
        DecimalNumberField minVotes = find(form, "min-votes");
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
        ((TextField) find(form, "min-votes")).setValue("5");
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

    @Test
    void each_constraint_kind_shows_only_its_own_fields_labelled_for_it() {
        ActionForm form = SimpleActionForms.addConstraint();
        ComboBox<ConstraintKind> kind = find(form, "constraint-kind");
        List<String> fields = List.of("target", "constraint-confidence", "constraint-min", "constraint-max", "constraint-size",
                "constraint-values");

        assertThat(fields.stream().filter(id -> find(form, id).isVisible())).isEmpty();
        kind.setValue(ConstraintKind.MIN_CONFIDENCE);
        assertThat(fields.stream().filter(id -> find(form, id).isVisible())).containsExactly("constraint-confidence");
        kind.setValue(ConstraintKind.INPUT_RANGE);
        assertThat(fields.stream().filter(id -> find(form, id).isVisible())).containsExactly("target", "constraint-min", "constraint-max");
        kind.setValue(ConstraintKind.ALLOWED_PURPOSES);
        assertThat(fields.stream().filter(id -> find(form, id).isVisible())).containsExactly("constraint-values");
        assertThat(((TextArea) find(form, "constraint-values")).getLabel()).isEqualTo("Allowed purposes (one per line)");
        kind.setValue(ConstraintKind.MAX_INPUT_SIZE);
        assertThat(fields.stream().filter(id -> find(form, id).isVisible())).containsExactly("target", "constraint-size");
    }

    @Test
    void bad_decimals_are_marked_on_their_fields_all_at_once_and_nothing_is_built() {
        ActionForm form = SimpleActionForms.addConstraint();
        ((TextField) find(form, "model")).setValue("iris");
        ((ComboBox<ConstraintKind>) find(form, "constraint-kind")).setValue(ConstraintKind.INPUT_RANGE);
        ((TextField) find(form, "target")).setValue("input");
        ((TextArea) find(form, "rationale-constraint")).setValue("plausible measurements");
        DecimalNumberField low = find(form, "constraint-min");
        DecimalNumberField high = find(form, "constraint-max");
        low.setValue("0.1234567");
        high.setValue("1e3");

        assertThatThrownBy(form::build).isInstanceOf(InvalidProposal.class)
                .hasMessage("Check the highlighted fields: Lowest allowed value, Highest allowed value");
        assertThat(low.isInvalid()).isTrue();
        assertThat(low.getErrorMessage()).isEqualTo("Enter a number with at most 6 decimals, e.g. -1.5");
        assertThat(high.isInvalid()).isTrue();

        low.setValue("-1.5");
        high.setValue("10");
        ProposalAction.AddConstraint built = (ProposalAction.AddConstraint) form.build();
        assertThat(built.minValue()).isEqualByComparingTo("-1.5");
        assertThat(built.maxValue()).isEqualByComparingTo("10");
        assertThat(low.isInvalid()).isFalse();
    }

    @Test
    void a_confidence_outside_zero_to_one_is_refused_on_its_field_in_plain_words() {
        ActionForm form = SimpleActionForms.addConstraint();
        ((ComboBox<ConstraintKind>) find(form, "constraint-kind")).setValue(ConstraintKind.MIN_CONFIDENCE);
        DecimalNumberField confidence = find(form, "constraint-confidence");

        confidence.setValue("1.5");

        assertThat(confidence.isInvalid()).isTrue();
        assertThat(confidence.getErrorMessage()).isEqualTo("Enter a confidence above 0 and at most 1, with at most 6 decimals, e.g. 0.7");
        confidence.setValue("0.7");
        assertThat(confidence.isInvalid()).isFalse();
    }

    @Test
    void token_holder_votes_take_decimals_and_refuse_words() {
        ActionForm form = SimpleActionForms.accessPolicy();
        ((Select<PolicyKind>) find(form, "policy-kind")).setValue(PolicyKind.TOKEN_HOLDERS);
        DecimalNumberField minVotes = find(form, "min-votes");

        minVotes.setValue("many");
        assertThat(minVotes.isInvalid()).isTrue();
        minVotes.setValue("0.5");
        assertThat(minVotes.isInvalid()).isFalse();
    }
}
