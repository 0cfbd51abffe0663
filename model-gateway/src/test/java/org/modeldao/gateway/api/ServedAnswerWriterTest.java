package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The generator-written answer is byte for byte what databind writes for the same record. */
class ServedAnswerWriterTest {

    /** As the application's mapper: {@code spring.jackson.default-property-inclusion: non_null}. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    private static void sameAsDatabind(OipDtos.InferResponse answer) {
        String written = new String(new ServedAnswerWriter(JSON).write(answer), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(new String(JSON.writeValueAsBytes(answer), StandardCharsets.UTF_8));
    }

    @Test
    void every_output_datatype_and_the_provenance_are_written_as_databind_writes_them() {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("model_version", "2");
        provenance.put("artifact_sha256", "ab".repeat(32));
        provenance.put("approving_proposal_id", "");
        provenance.put("approval_block", 123456789012L);
        sameAsDatabind(new OipDtos.InferResponse("iris", "2", "call \"7\"\n", provenance, List.of(
                new OipDtos.ResponseOutput("scores", new long[] {1, 3}, "FP32",
                        new float[] {0.1f, 1e-8f, 3.4028235e38f, -0f}),
                new OipDtos.ResponseOutput("counts", new long[] {2}, "INT64", new long[] {Long.MIN_VALUE, 9007199254740992L}),
                new OipDtos.ResponseOutput("wide", new long[] {2}, "FP64", new double[] {Math.PI, 1e300}),
                new OipDtos.ResponseOutput("label", new long[] {1}, "BYTES", new String[] {"versicolor é \u2028"}))));
    }

    @Test
    void a_call_without_id_and_an_empty_answer_leave_out_what_databind_leaves_out() {
        sameAsDatabind(new OipDtos.InferResponse("iris", "1", null, Map.of(), List.of()));
        sameAsDatabind(new OipDtos.InferResponse("iris", "1", null, null, null));
        sameAsDatabind(new OipDtos.InferResponse("iris", "1", "x", Map.of("k", "v"), List.of(
                new OipDtos.ResponseOutput("empty", new long[] {0, 3}, "FP32", new float[0]))));
    }
}
