package org.modeldao.gateway.api;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a served infer answer ({@link OipDtos.InferResponse}) with Jackson's generator, field by
 * field: the same bytes databind writes for the record (ServedAnswerWriterTest), without its bean
 * and array serializers per call (databind's {@code writeValueAsBytes} was 8.2 % of the
 * gateway's samples in the gateway-vs-limit profile, docs/benchmarks.md). The provenance map is
 * still written by databind, so its values are rendered as everywhere else.
 */
final class ServedAnswerWriter {

    private final JsonMapper json;

    ServedAnswerWriter(JsonMapper json) {
        this.json = json;
    }

    byte[] write(OipDtos.InferResponse answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            string(g, "model_name", answer.modelName());
            string(g, "model_version", answer.modelVersion());
            string(g, "id", answer.id());
            if (answer.parameters() != null) {
                g.writeName("parameters");
                json.writeValue(g, answer.parameters());
            }
            if (answer.outputs() != null) {
                g.writeName("outputs");
                g.writeStartArray();
                for (OipDtos.ResponseOutput output : answer.outputs()) {
                    output(g, output);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private void output(JsonGenerator g, OipDtos.ResponseOutput output) {
        g.writeStartObject();
        string(g, "name", output.name());
        if (output.shape() != null) {
            g.writeName("shape");
            g.writeArray(output.shape(), 0, output.shape().length);
        }
        string(g, "datatype", output.datatype());
        if (output.data() != null) {
            g.writeName("data");
            switch (output.data()) {
                case float[] floats -> {
                    g.writeStartArray();
                    for (float value : floats) {
                        g.writeNumber(value);
                    }
                    g.writeEndArray();
                }
                case long[] longs -> g.writeArray(longs, 0, longs.length);
                case double[] doubles -> g.writeArray(doubles, 0, doubles.length);
                default -> json.writeValue(g, output.data());
            }
        }
        g.writeEndObject();
    }

    /** A null field is left out, as the application's mapper leaves it out ({@code non_null}). */
    private static void string(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }
}
