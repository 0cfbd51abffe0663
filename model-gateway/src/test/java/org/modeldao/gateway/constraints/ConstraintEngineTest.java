package org.modeldao.gateway.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;

class ConstraintEngineTest {

    final ConstraintEngine engine = new ConstraintEngine();

    static Tensor rows(double... values) {
        return Tensor.numeric("input", DataType.FP32, new long[] {values.length / 4, 4}, values);
    }

    static EthicalConstraint c(long id, ConstraintKind kind, String target, double min, double max, List<String> values) {
        return GovernanceFixture.constraint(id, kind, target, min, max, values, "why " + id);
    }

    @Test
    void input_side_constraints_check_size_range_and_purpose_in_order() {
        List<EthicalConstraint> voted = List.of(
                c(1, ConstraintKind.MAX_INPUT_SIZE, "", 0, 8, List.of()),
                c(2, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of()),
                c(3, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0, List.of("education", "research")),
                c(4, ConstraintKind.MIN_CONFIDENCE, "", 0.5, 0, List.of()));
        assertThat(engine.beforeInference(voted, List.of(rows(1, 2, 3, 4)), "research").passed()).isTrue();
        assertThat(engine.beforeInference(voted, List.of(rows(1, 2, 3, 4)), "research").checked())
                .containsExactly("MAX_INPUT_SIZE#1", "INPUT_RANGE#2", "ALLOWED_PURPOSES#3");
        assertThat(engine.beforeInference(voted, List.of(rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1)), "research")
                .violation().orElseThrow().constraint().id()).hasToString("1");
        assertThat(engine.beforeInference(voted, List.of(rows(1, 2, 3, 10.5)), "research")
                .violation().orElseThrow().detail()).contains("10.5");
        assertThat(engine.beforeInference(voted, List.of(rows(1, 2, 3, 4)), null).violation().orElseThrow()
                .constraintName()).isEqualTo("ALLOWED_PURPOSES#3");
        assertThat(engine.beforeInference(voted, List.of(rows(1, 2, 3, 4)), "marketing").passed()).isFalse();
    }

    @Test
    void output_side_constraints_withhold_forbidden_labels_and_unsure_answers() {
        List<String> labels = List.of("virginica", "setosa", "versicolor");
        Classification sure = Classification.of(
                Tensor.numeric("output", DataType.FP32, new long[] {2, 3}, new double[] {0.1, 0.8, 0.1, 0.05, 0.05, 0.9}),
                labels);
        assertThat(sure.labels()).containsExactly("setosa", "versicolor");
        assertThat(engine.afterInference(List.of(c(5, ConstraintKind.MIN_CONFIDENCE, "", 0.75, 0, List.of())), sure).passed())
                .isTrue();
        assertThat(engine.afterInference(List.of(c(5, ConstraintKind.MIN_CONFIDENCE, "", 0.85, 0, List.of())), sure).violation()
                .orElseThrow().detail()).contains("abstains");
        assertThat(engine.afterInference(List.of(c(6, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0, List.of("versicolor"))),
                sure).passed()).isFalse();
        assertThat(engine.afterInference(List.of(c(6, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0, List.of("virginica"))),
                sure).passed()).isTrue();
    }

    @Test
    void a_nan_confidence_is_below_any_minimum_and_nan_inputs_are_outside_any_range() {
        Classification nan = Classification.of(Tensor.numeric("output", DataType.FP32, new long[] {1, 3},
                new double[] {Double.NaN, Double.NaN, Double.NaN}), List.of("a", "b", "c"));
        assertThat(engine.afterInference(List.of(c(1, ConstraintKind.MIN_CONFIDENCE, "", 0.0, 0, List.of())), nan)
                .violation().orElseThrow().detail()).contains("NaN").contains("abstains");
        assertThat(engine.beforeInference(List.of(c(2, ConstraintKind.INPUT_RANGE, "input", -1e9, 1e9, List.of())),
                List.of(rows(1, Double.NaN, 3, 4)), null).passed()).isFalse();
    }
}
