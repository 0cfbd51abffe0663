package org.modeldao.gateway.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.gateway.constraints.ConstraintEngineTest.c;
import static org.modeldao.gateway.constraints.ConstraintEngineTest.rows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;

class ConstraintPlanTest {

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
}
