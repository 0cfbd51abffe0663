package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/** The lean path's answer writer against databind's writing of the same record: the same bytes. */
class InferResponseJsonTest {

    /** As the gateway's mapper writes: {@code spring.jackson.default-property-inclusion: non_null}. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private final InferResponseJson writer = new InferResponseJson(JSON);

    /**
     * Text of any chars, lone surrogates too: what databind refuses to write as UTF-8 (as the lean path
     * answers), the writer refuses alike.
     */
    @Property(tries = 500)
    void writes_the_bytes_databind_writes_for_any_answer(@ForAll("answers") OipDtos.InferResponse answer) {
        assertThat(outcome(() -> new String(writer.write(answer), StandardCharsets.UTF_8)))
                .isEqualTo(outcome(() -> new String(JSON.writeValueAsBytes(answer), StandardCharsets.UTF_8)));
    }

    private static String outcome(Supplier<String> write) {
        try {
            return write.get();
        } catch (RuntimeException refused) {
            // databind wraps what the generator throws for text UTF-8 cannot carry; either way the answer is not written
            return "refused";
        }
    }

    @Example
    void an_iris_answer_is_written_in_the_protocols_json() {
        RawValue provenance = new RawValue(JSON.writeValueAsString(Map.of("artifact_sha256", "ab")));
        var answer = new OipDtos.InferResponse("iris", "2", null, provenance, List.of(
                new OipDtos.ResponseOutput("label", new long[] {1}, "INT64", new long[] {2}),
                new OipDtos.ResponseOutput("probabilities", new long[] {1, 3}, "FP32", new float[] {0.1f, 0.2f, 0.7f})));
        assertThat(new String(writer.write(answer), StandardCharsets.UTF_8)).isEqualTo("""
                {"model_name":"iris","model_version":"2","parameters":{"artifact_sha256":"ab"},"outputs":[\
                {"name":"label","shape":[1],"datatype":"INT64","data":[2]},\
                {"name":"probabilities","shape":[1,3],"datatype":"FP32","data":[0.1,0.2,0.7]}]}""");
    }

    @Provide
    Arbitrary<OipDtos.InferResponse> answers() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12);
        // as ProvenanceJson keeps it (its UTF-8 bytes), or as plain text
        Arbitrary<RawValue> provenance = Arbitraries.maps(text, text).ofMaxSize(4).map(JSON::writeValueAsString)
                .flatMap(written -> Arbitraries.of(new RawValue(new SerializedString(written)), new RawValue(written)));
        return Combinators.combine(text, text, text.injectNull(0.3), provenance.injectNull(0.1),
                        outputs().list().ofMaxSize(3).injectNull(0.05))
                .as(OipDtos.InferResponse::new);
    }

    private Arbitrary<OipDtos.ResponseOutput> outputs() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(8);
        Arbitrary<long[]> shape = Arbitraries.longs().between(-1, 1L << 40).array(long[].class).ofMaxSize(4);
        Arbitrary<Object> data = Arbitraries.oneOf(
                Arbitraries.floats().withSpecialValue(Float.NaN).withSpecialValue(Float.NEGATIVE_INFINITY)
                        .withSpecialValue(-0f).withSpecialValue(Float.MIN_VALUE).array(float[].class).ofMaxSize(6)
                        .map(Object.class::cast),
                Arbitraries.longs().array(long[].class).ofMaxSize(6).map(Object.class::cast),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.MAX_VALUE).array(double[].class).ofMaxSize(6).map(Object.class::cast),
                Arbitraries.strings().all().ofMaxLength(6).array(String[].class).ofMaxSize(3).map(Object.class::cast));
        return Combinators.combine(text.injectNull(0.05), shape.injectNull(0.05), text.injectNull(0.05),
                        data.injectNull(0.05))
                .as(OipDtos.ResponseOutput::new);
    }
}
