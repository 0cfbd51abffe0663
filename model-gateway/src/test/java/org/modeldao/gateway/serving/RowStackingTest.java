package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowStackingTest {

    private static final ModelSignature FREE_ROWS = new ModelSignature(
            List.of(new TensorSpec("input", DataType.FP32, List.of(-1L, 2L))),
            List.of(new TensorSpec("out", DataType.FP32, List.of(-1L, 1L))), List.of());

    private static Tensor rows(long n, double... values) {
        return Tensor.numeric("input", DataType.FP32, new long[] {n, 2}, values);
    }

    @Test
    void calls_are_stacked_in_order_and_outputs_cut_back_into_each_calls_rows() {
        List<Tensor> stacked = RowStacking.stack(FREE_ROWS, List.of(List.of(rows(1, 1, 2)), List.of(rows(2, 3, 4, 5, 6))));
        assertThat(stacked).singleElement().satisfies(t -> {
            assertThat(t.shape()).containsExactly(3, 2);
            assertThat(t.numbers()).containsExactly(1, 2, 3, 4, 5, 6);
        });
        List<List<Tensor>> shares = RowStacking.split(
                List.of(Tensor.numeric("out", DataType.FP32, new long[] {3, 1}, new double[] {10, 20, 30})), new long[] {1, 2});
        assertThat(shares.get(0).getFirst().numbers()).containsExactly(10);
        assertThat(shares.get(0).getFirst().shape()).containsExactly(1, 1);
        assertThat(shares.get(1).getFirst().numbers()).containsExactly(20, 30);
        assertThat(shares.get(1).getFirst().shape()).containsExactly(2, 1);
    }

    @Test
    void calls_that_do_not_fit_together_or_outputs_without_a_row_per_input_row_are_not_shared() {
        Tensor otherWidth = Tensor.numeric("input", DataType.FP32, new long[] {1, 3}, new double[] {1, 2, 3});
        assertThat(RowStacking.stack(FREE_ROWS, List.of(List.of(rows(1, 1, 2)), List.of(otherWidth)))).isNull();
        Tensor otherType = Tensor.numeric("input", DataType.FP64, new long[] {1, 2}, new double[] {1, 2});
        assertThat(RowStacking.stack(FREE_ROWS, List.of(List.of(rows(1, 1, 2)), List.of(otherType)))).isNull();
        // the model answered one row for three: the rows cannot be told apart
        assertThat(RowStacking.split(List.of(Tensor.numeric("out", DataType.FP32, new long[] {1, 1}, new double[] {7})),
                new long[] {1, 2})).isNull();
    }

    @Test
    void only_signatures_with_a_free_first_dimension_everywhere_are_stackable() {
        assertThat(RowStacking.stackable(FREE_ROWS)).isTrue();
        assertThat(RowStacking.stackable(new ModelSignature(List.of(new TensorSpec("input", DataType.FP32, List.of(1L, 2L))),
                FREE_ROWS.outputs(), List.of()))).isFalse();
        assertThat(RowStacking.stackable(new ModelSignature(FREE_ROWS.inputs(),
                List.of(new TensorSpec("score", DataType.FP32, List.of())), List.of()))).isFalse();
    }
}
