package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.oip.InputHeader;
import org.modeldao.gateway.serving.Tensor;
import tools.jackson.databind.json.JsonMapper;

class TensorCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Tensor decode(String datatype, String data) {
        return TensorCodec.decode(new OipDtos.RequestInput("x", List.of(3L), datatype, null, JSON.readTree(data)));
    }

    @Test
    void integers_a_double_cannot_carry_exactly_are_refused_naming_the_index() {
        assertThat(decode("INT64", "[9007199254740992, -9007199254740992, 0]").numbers())
                .containsExactly(9.007199254740992E15, -9.007199254740992E15, 0);
        assertThatThrownBy(() -> decode("INT64", "[1, 9007199254740993, 0]")).isInstanceOf(InputHeader.Malformed.class)
                .hasMessageContaining("index 1").hasMessageContaining("2^53");
        assertThatThrownBy(() -> decode("INT32", "[1, 2, 2.5]")).hasMessageContaining("index 2");
        assertThatThrownBy(() -> decode("INT64", "[[1], [\"2\"], [3]]")).hasMessageContaining("index 1")
                .hasMessageContaining("not a number");
    }

    @Test
    void a_missing_input_object_is_a_bad_request_not_a_crash() {
        assertThatThrownBy(() -> TensorCodec.decode(null)).isInstanceOf(BadRequestException.class);
    }
}
