package org.modeldao.gateway.api;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Writes a served answer ({@link OipDtos.InferResponse}) straight to the token generator, for the
 * lean infer path: databind's bean serialization of it (property writers, serializer lookups, a
 * serialization context per call) was 11 % of the gateway's samples at 32 connections, nearly as
 * much as the ONNX run with DJL around it (gateway-vs-limit profile of 2026-12-07, docs/benchmarks.md);
 * written this way, about half of that. The record stays
 * the one definition of the answer's shape: these are the bytes databind writes for it, with the
 * gateway's {@code non_null} inclusion — {@code InferResponseJsonTest} compares the two over
 * generated answers.
 */
final class InferResponseJson {

    private static final SerializableString MODEL_NAME = new SerializedString("model_name");
    private static final SerializableString MODEL_VERSION = new SerializedString("model_version");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString PARAMETERS = new SerializedString("parameters");
    private static final SerializableString OUTPUTS = new SerializedString("outputs");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString SHAPE = new SerializedString("shape");
    private static final SerializableString DATATYPE = new SerializedString("datatype");
    private static final SerializableString DATA = new SerializedString("data");

    private final JsonMapper json;

    InferResponseJson(JsonMapper json) {
        this.json = json;
    }

    byte[] write(OipDtos.InferResponse answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            string(out, MODEL_NAME, answer.modelName());
            string(out, MODEL_VERSION, answer.modelVersion());
            string(out, ID, answer.id());
            if (answer.parameters() != null) {
                out.writeName(PARAMETERS);
                raw(out, answer.parameters());
            }
            if (answer.outputs() != null) {
                out.writeName(OUTPUTS);
                out.writeStartArray(answer.outputs(), answer.outputs().size());
                for (OipDtos.ResponseOutput output : answer.outputs()) {
                    output(out, output);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void output(JsonGenerator out, OipDtos.ResponseOutput output) {
        if (output == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        string(out, NAME, output.name());
        if (output.shape() != null) {
            out.writeName(SHAPE);
            out.writeArray(output.shape(), 0, output.shape().length);
        }
        string(out, DATATYPE, output.datatype());
        if (output.data() != null) {
            out.writeName(DATA);
            data(out, output.data());
        }
        out.writeEndObject();
    }

    /** As databind's primitive array serializers write them; anything else goes to databind. */
    private static void data(JsonGenerator out, Object data) {
        switch (data) {
            case float[] floats -> {
                out.writeStartArray(floats, floats.length);
                for (float value : floats) {
                    out.writeNumber(value);
                }
                out.writeEndArray();
            }
            case long[] longs -> out.writeArray(longs, 0, longs.length);
            case double[] doubles -> out.writeArray(doubles, 0, doubles.length);
            case String[] strings -> out.writeArray(strings, 0, strings.length);
            default -> out.writePOJO(data);
        }
    }

    /** {@link ProvenanceJson}'s bytes copied as they are, without a trip through databind. */
    private static void raw(JsonGenerator out, RawValue raw) {
        if (raw.rawValue() instanceof SerializableString bytes) {
            out.writeRawValue(bytes);
        } else {
            out.writePOJO(raw);
        }
    }

    private static void string(JsonGenerator out, SerializableString name, String value) {
        if (value != null) {
            out.writeName(name);
            out.writeString(value);
        }
    }
}
