package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.policy.Caller;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming reader against databind's reading of the same body: a body it takes must give the
 * very call databind's path gives; one it leaves (null) goes down databind's path, so its answer
 * is databind's by construction.
 */
class InferBodyReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final InferBodyReader READER = new InferBodyReader(JSON);
    private static final Caller CALLER = Caller.anonymous("127.0.0.1");

    private static InferenceCall streamed(String body) {
        return READER.read(body.getBytes(StandardCharsets.UTF_8), "iris", "1", CALLER);
    }

    private static InferenceCall databind(String body) {
        return InferTranslation.call("iris", "1", JSON.readValue(body, OipDtos.InferRequest.class), CALLER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        """
        {"id": "bench", "inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""",
        """
        {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32", "data": [[5.1, 3.5, 1.4, 0.2], [6, 2.9, 4.5, 1]]}]}""",
        """
        {"parameters": {"purpose": "triage", "x": [1]}, "inputs": [{"data": [1, -2, 9007199254740992], "datatype": "INT64",
          "parameters": {"a": {"b": 1}}, "shape": [3], "name": "n"}], "outputs": [{"name": "label", "parameters": null}]}""",
        """
        {"parameters": {"purpose": 42}, "inputs": [{"name": "a", "shape": [1], "datatype": "FP64", "data": [1e300]},
          {"name": "b", "shape": [], "datatype": "INT32", "data": [7]}], "outputs": null, "id": null}""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [12345678901234567890123, 1, 2, 3]}]}""",
        """
        {"inputs": [{"name": "input", "shape": [0, 4], "datatype": "FP32", "data": []}], "parameters": null}"""
    })
    void a_plain_body_gives_the_call_databind_gives(String body) {
        InferenceCall streamed = streamed(body);
        assertThat(streamed).isNotNull();
        assertThat(streamed).isEqualTo(databind(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "null",
        "[]",
        "{}",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": ["a", 2, 3, 4]}]}""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]} trailing""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}], "extra": 1}""",
        """
        {"id": 5, "inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}], "inputs": []}""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4.5], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""",
        """
        {"inputs": [{"name": "input", "datatype": "FP32", "data": [1, 2, 3, 4]}]}""",
        """
        {"inputs": [null]}""",
        """
        {"inputs": [{"name": "n", "shape": [3], "datatype": "INT32", "data": [1, 2, 2.5]}]}""",
        """
        {"inputs": [{"name": "n", "shape": [3], "datatype": "INT64", "data": [1, 9007199254740993, 0]}]}""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}], "outputs": [{}]}""",
        """
        {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}], "parameters": []}"""
    })
    void anything_else_is_left_to_databind(String body) {
        assertThat(streamed(body)).isNull();
    }

    @Test
    void header_refusals_are_databinds_word_for_word() {
        for (String body : new String[] {
            """
            {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP16", "data": [1, 2, 3, 4]}]}""",
            """
            {"inputs": [{"name": "input", "shape": [1, -4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""",
            """
            {"inputs": [{"name": "", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""",
            """
            {"inputs": [{"name": "ok", "shape": [1], "datatype": "FP32", "data": [1]},
              {"name": "words", "shape": [1], "datatype": "BYTES", "data": [1]}]}"""}) {
            Throwable streamed = catchThrowable(() -> streamed(body));
            Throwable databind = catchThrowable(() -> databind(body));
            assertThat(databind).as(body).isNotNull();
            assertThat(streamed).as(body).isNotNull().hasSameClassAs(databind).hasMessage(databind.getMessage());
        }
    }
}
