package org.modeldao.gateway.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;

class ConstraintPlanTest {

    static Tensor rows(double... values) {
        return Tensor.numeric("input", DataType.FP32, new long[] {values.length / 4, 4}, values);
    }

    static EthicalConstraint c(long id, ConstraintKind kind, String target, double min, double max, List<String> values) {
        return GovernanceFixture.constraint(id, kind, target, min, max, values, "why " + id);
    }

    final ConstraintPlan plan = ConstraintPlan.of(List.of(
            c(1, ConstraintKind.MIN_CONFIDENCE, "", 0.5, 0, List.of()),
            c(2, ConstraintKind.MAX_INPUT_SIZE, "", 0, 8, List.of()),
            c(3, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0, List.of("versicolor")),
            c(4, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of()),
            c(5, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0, List.of("research"))));

    @Test
    void constraints_are_split_by_side_keeping_the_voted_order() {
        assertThat(plan.inputSideNames()).containsExactly("MAX_INPUT_SIZE#2", "INPUT_RANGE#4", "ALLOWED_PURPOSES#5");
        assertThat(plan.outputSideNames()).containsExactly("MIN_CONFIDENCE#1", "FORBIDDEN_OUTPUT_LABEL#3");
    }

    @Test
    void a_violation_reports_the_constraints_checked_up_to_the_broken_one() {
        ConstraintReport report = plan.beforeInference(List.of(rows(1, 2, 3, 11)), "research");
        assertThat(report.checked()).containsExactly("MAX_INPUT_SIZE#2", "INPUT_RANGE#4");
        assertThat(report.violation().orElseThrow().constraintName()).isEqualTo("INPUT_RANGE#4");
        assertThat(plan.beforeInference(List.of(rows(1, 2, 3, 4)), "research").passed()).isTrue();
    }

    @Test
    void the_same_plan_judges_every_call_on_its_own_values() {
        List<String> labels = List.of("virginica", "setosa", "versicolor");
        Classification setosa = Classification.of(
                Tensor.numeric("output", DataType.FP32, new long[] {1, 3}, new double[] {0.1, 0.8, 0.1}), labels);
        Classification versicolor = Classification.of(
                Tensor.numeric("output", DataType.FP32, new long[] {1, 3}, new double[] {0.1, 0.1, 0.8}), labels);
        Classification unsure = Classification.of(
                Tensor.numeric("output", DataType.FP32, new long[] {1, 3}, new double[] {0.3, 0.4, 0.3}), labels);
        assertThat(plan.afterInference(setosa).passed()).isTrue();
        assertThat(plan.afterInference(versicolor).violation().orElseThrow().constraintName())
                .isEqualTo("FORBIDDEN_OUTPUT_LABEL#3");
        assertThat(plan.afterInference(unsure).violation().orElseThrow().detail()).contains("abstains");
        assertThat(plan.afterInference(setosa).passed()).isTrue();
    }

    @Test
    void a_size_limit_beyond_a_long_never_refuses_instead_of_failing_every_call() {
        ConstraintPlan huge = ConstraintPlan.of(List.of(new EthicalConstraint(BigInteger.valueOf(9), ConstraintKind.MAX_INPUT_SIZE,
                "", BigInteger.ZERO, BigInteger.TWO.pow(80), List.of(), "why 9", GovernanceFixture.proposal("9"))));
        assertThat(huge.beforeInference(List.of(rows(1, 2, 3, 4)), null).passed()).isTrue();
    }

    @Test
    void input_side_constraints_check_size_range_and_purpose_in_order() {
        ConstraintPlan voted = ConstraintPlan.of(List.of(
                c(1, ConstraintKind.MAX_INPUT_SIZE, "", 0, 8, List.of()),
                c(2, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of()),
                c(3, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0, List.of("education", "research")),
                c(4, ConstraintKind.MIN_CONFIDENCE, "", 0.5, 0, List.of())));
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 4)), "research").passed()).isTrue();
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 4)), "research").checked())
                .containsExactly("MAX_INPUT_SIZE#1", "INPUT_RANGE#2", "ALLOWED_PURPOSES#3");
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1)), "research")
                .violation().orElseThrow().constraint().id()).hasToString("1");
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 10.5)), "research")
                .violation().orElseThrow().detail()).contains("10.5");
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 4)), null).violation().orElseThrow()
                .constraintName()).isEqualTo("ALLOWED_PURPOSES#3");
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 4)), " ").violation().orElseThrow()
                .constraintName()).isEqualTo("ALLOWED_PURPOSES#3");
        assertThat(voted.beforeInference(List.of(rows(1, 2, 3, 4)), "marketing").passed()).isFalse();
    }

    @Test
    void a_size_or_range_constraint_reads_only_its_target_input() {
        Tensor other = Tensor.numeric("other", DataType.FP32, new long[] {1, 4}, new double[] {99, 99, 99, 99});
        ConstraintPlan targeted = ConstraintPlan.of(List.of(
                c(1, ConstraintKind.MAX_INPUT_SIZE, "input", 0, 4, List.of()),
                c(2, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of())));
        assertThat(targeted.beforeInference(List.of(rows(1, 2, 3, 4), other), null).passed()).isTrue();
        assertThat(targeted.beforeInference(List.of(other, rows(1, 2, 3, 4, 5, 6, 7, 8)), null).violation()
                .orElseThrow().constraintName()).isEqualTo("MAX_INPUT_SIZE#1");
        assertThat(targeted.beforeInference(List.of(other, rows(1, 2, 3, 11)), null).violation().orElseThrow()
                .constraintName()).isEqualTo("INPUT_RANGE#2");
    }

    @Test
    void output_side_constraints_withhold_forbidden_labels_and_unsure_answers() {
        List<String> labels = List.of("virginica", "setosa", "versicolor");
        Classification sure = Classification.of(
                Tensor.numeric("output", DataType.FP32, new long[] {2, 3}, new double[] {0.1, 0.8, 0.1, 0.05, 0.05, 0.9}),
                labels);
        assertThat(sure.labels()).containsExactly("setosa", "versicolor");
        assertThat(ConstraintPlan.of(List.of(c(5, ConstraintKind.MIN_CONFIDENCE, "", 0.75, 0, List.of()))).afterInference(sure)
                .passed()).isTrue();
        assertThat(ConstraintPlan.of(List.of(c(5, ConstraintKind.MIN_CONFIDENCE, "", 0.85, 0, List.of()))).afterInference(sure)
                .violation().orElseThrow().detail()).contains("abstains");
        assertThat(ConstraintPlan.of(List.of(c(6, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0, List.of("versicolor"))))
                .afterInference(sure).passed()).isFalse();
        assertThat(ConstraintPlan.of(List.of(c(6, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0, List.of("virginica"))))
                .afterInference(sure).passed()).isTrue();
    }

    @Test
    void a_nan_confidence_is_below_any_minimum_and_nan_inputs_are_outside_any_range() {
        Classification nan = Classification.of(Tensor.numeric("output", DataType.FP32, new long[] {1, 3},
                new double[] {Double.NaN, Double.NaN, Double.NaN}), List.of("a", "b", "c"));
        assertThat(ConstraintPlan.of(List.of(c(1, ConstraintKind.MIN_CONFIDENCE, "", 0.0, 0, List.of()))).afterInference(nan)
                .violation().orElseThrow().detail()).contains("NaN").contains("abstains");
        assertThat(ConstraintPlan.of(List.of(c(2, ConstraintKind.INPUT_RANGE, "input", -1e9, 1e9, List.of())))
                .beforeInference(List.of(rows(1, Double.NaN, 3, 4)), null).passed()).isFalse();
    }

    @Test
    void output_side_constraints_refuse_a_model_without_labels_before_it_runs() {
        assertThat(plan.withoutLabels().violation().orElseThrow().constraintName()).isEqualTo("MIN_CONFIDENCE#1");
        assertThat(ConstraintPlan.of(List.of(c(4, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of()))).withoutLabels()
                .passed()).isTrue();
    }
}
