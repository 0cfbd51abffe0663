package org.modeldao.gateway.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.ModelSignature;
import org.modeldao.gateway.serving.Tensor;
import org.modeldao.gateway.serving.TensorSpec;

class InputValidatorTest {

    private static String problem(DataType type, double... values) {
        ModelSignature signature = new ModelSignature(List.of(new TensorSpec("x", type, List.of(-1L))),
                List.of(new TensorSpec("y", DataType.FP32, List.of(-1L))), List.of());
        return InputValidator.problemWith(signature,
                List.of(Tensor.numeric("x", type, new long[] {values.length}, values)), List.of());
    }

    @Test
    void fp32_values_beyond_its_range_or_not_finite_are_refused_naming_input_and_index() {
        assertThat(problem(DataType.FP32, 1, 2, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE)).isNull();
        assertThat(problem(DataType.FP32, 1e39, -1e39, 1e39, -1e39))
                .isEqualTo("input x value at index 0 (1.0E39) is outside the FP32 range (magnitude at most 3.4028235E38)");
        assertThat(problem(DataType.FP32, 1, 2, -1e39)).startsWith("input x value at index 2 ");
        assertThat(problem(DataType.FP32, 0, Double.NaN)).contains("index 1").contains("not a finite number");
        assertThat(problem(DataType.FP32, Double.NEGATIVE_INFINITY)).contains("index 0").contains("not a finite");
    }

    @Test
    void fp64_refuses_nan_and_infinity_only() {
        assertThat(problem(DataType.FP64, 1e300, -Double.MAX_VALUE, Double.MIN_VALUE)).isNull();
        assertThat(problem(DataType.FP64, 1, Double.POSITIVE_INFINITY)).contains("index 1").contains("not a finite");
        assertThat(problem(DataType.FP64, Double.NaN)).contains("index 0");
    }

    @Test
    void integers_must_be_whole_and_within_their_type() {
        assertThat(problem(DataType.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE, 0)).isNull();
        assertThat(problem(DataType.INT32, 0, Integer.MAX_VALUE + 1.0)).contains("index 1").contains("INT32");
        assertThat(problem(DataType.INT32, Integer.MIN_VALUE - 1.0)).contains("index 0");
        assertThat(problem(DataType.INT32, 1.5)).contains("index 0");
        assertThat(problem(DataType.INT32, Double.NaN)).contains("index 0");
        assertThat(problem(DataType.INT64, 9_007_199_254_740_992d, -9_007_199_254_740_992d)).isNull();
        assertThat(problem(DataType.INT64, 0, 0, 9.3e18)).contains("index 2").contains("2^53");
        assertThat(problem(DataType.INT64, Double.POSITIVE_INFINITY)).contains("index 0");
        assertThat(problem(DataType.INT64, 0.25)).contains("index 0");
    }

    @Test
    void a_shape_whose_element_count_overflows_is_refused_not_wrapped() {
        // 4 * (2^62 + 1) wraps to 4 in a long: it must not pass as a shape for 4 values
        ModelSignature signature = new ModelSignature(List.of(new TensorSpec("x", DataType.FP32, List.of(-1L, 4L))),
                List.of(new TensorSpec("y", DataType.FP32, List.of(-1L))), List.of());
        Tensor wrapped = Tensor.numeric("x", DataType.FP32, new long[] {(1L << 62) + 1, 4}, new double[] {1, 2, 3, 4});
        assertThat(InputValidator.problemWith(signature, List.of(wrapped), List.of()))
                .contains("has 4 values").contains("needs more than");
    }

    @Test
    void element_counts_are_exact_up_to_a_long_and_refused_beyond_it_or_for_negative_dimensions() {
        assertThat(InputValidator.elementsOf(new long[] {})).isEqualTo(1);
        assertThat(InputValidator.elementsOf(new long[] {3, 0, Long.MAX_VALUE})).isZero();
        assertThat(InputValidator.elementsOf(new long[] {1L << 31, 1L << 31})).isEqualTo(1L << 62);
        assertThat(InputValidator.elementsOf(new long[] {Long.MAX_VALUE, 1})).isEqualTo(Long.MAX_VALUE);
        assertThat(InputValidator.elementsOf(new long[] {1L << 32, 1L << 31})).isEqualTo(-1); // 2^63: one too many
        assertThat(InputValidator.elementsOf(new long[] {(1L << 62) + 1, 4})).isEqualTo(-1); // wraps to 4
        assertThat(InputValidator.elementsOf(new long[] {1L << 40, 1L << 40})).isEqualTo(-1); // high half only
        assertThat(InputValidator.elementsOf(new long[] {2, -3})).isEqualTo(-1);
        assertThat(InputValidator.elementsOf(new long[] {0, -1})).isEqualTo(-1);
    }
}
