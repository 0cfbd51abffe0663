package org.modeldao.gateway.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.oip.InputHeader;
import org.modeldao.gateway.policy.Caller;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Tensor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a well-formed infer body straight from Jackson's token stream into the core's
 * {@link InferenceCall}: values land in a {@code double[]} as they are parsed, with no
 * {@code JsonNode} tree for {@code data} and no record creators (the gateway-vs-limit profile
 * found databind's read of the body at 9.5 % of the gateway's samples, docs/benchmarks.md).
 *
 * <p>It takes only the plain shape of the protocol — each known field at most once, of its
 * expected JSON type, every value of {@code data} a number the declared datatype takes, nothing
 * after the body — and answers null for anything else (malformed JSON included). The caller then
 * reads the body the databind way ({@link OipDtos.InferRequest}, {@link TensorCodec}), so every
 * refusal keeps its one wording and a body this reader skips is never answered differently.
 * Header checks that refuse ({@link InputHeader}) run only after the whole body parsed, as with
 * databind, which reports malformed JSON before any tensor problem.
 */
final class InferBodyReader {

    private final JsonMapper json;
    /** Reads the request's parameters in the middle of the body (databind's default refuses what follows a value). */
    private final ObjectReader parameters;

    InferBodyReader(JsonMapper json) {
        this.json = json;
        this.parameters = json.readerFor(Map.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Thrown inside the reader when the body leaves the plain shape: the databind path decides. */
    private static final class NotPlain extends Exception {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /** An input as read, checked once the whole body parsed. */
    private record RawInput(String name, long[] shape, String datatype, Values values) {}

    /** A growing double[] that remembers what an integer datatype would refuse. */
    private static final class Values {
        private double[] values = new double[8];
        private int size;
        /** A fraction, or an integer beyond what a long or a double carries exactly: only a float type takes it plainly. */
        private boolean onlyForFloats;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    /**
     * @return the call, or null when the body is not in the plain shape (read it the databind way)
     * @throws RuntimeException the refusals of {@link InputHeader} and {@link BadRequestException}, as databind's path
     */
    InferenceCall read(byte[] body, String model, String version, Caller caller) {
        String id = null;
        String purpose = null;
        List<RawInput> inputs = null;
        List<String> outputs = List.of();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int seen = 0;
            String field;
            while ((field = p.nextName()) != null) {
                int bit = switch (field) {
                    case "id" -> 1;
                    case "parameters" -> 2;
                    case "inputs" -> 4;
                    case "outputs" -> 8;
                    default -> throw NotPlain.INSTANCE;
                };
                if ((seen & bit) != 0) {
                    throw NotPlain.INSTANCE; // databind keeps the last of duplicate fields: let it
                }
                seen |= bit;
                JsonToken token = p.nextToken();
                switch (bit) {
                    case 1 -> id = token == JsonToken.VALUE_NULL ? null : string(p, token);
                    case 2 -> purpose = purpose(p, token);
                    case 4 -> inputs = inputs(p, token);
                    default -> outputs = outputs(p, token);
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
        } catch (NotPlain | JacksonException e) {
            return null;
        }
        if (inputs == null) {
            return null; // databind's path says what is missing
        }
        List<Tensor> tensors = new ArrayList<>(inputs.size());
        for (RawInput input : inputs) {
            Tensor tensor = tensor(input);
            if (tensor == null) {
                return null;
            }
            tensors.add(tensor);
        }
        return new InferenceCall(model, version, id, caller, tensors, outputs, purpose);
    }

    /** @return the tensor, or null when an integer datatype meets a value databind's path words the refusal of */
    private static Tensor tensor(RawInput input) {
        DataType type = InputHeader.numericType(input.name(), input.datatype());
        long[] shape = InputHeader.shape(input.name(), input.shape());
        boolean integer = type == DataType.INT32 || type == DataType.INT64;
        if (integer && input.values().onlyForFloats) {
            return null;
        }
        return Tensor.numeric(input.name(), type, shape, input.values().toArray());
    }

    private static String string(JsonParser p, JsonToken token) throws NotPlain {
        if (token != JsonToken.VALUE_STRING) {
            throw NotPlain.INSTANCE;
        }
        return p.getString();
    }

    /** The declared purpose, read as databind's path reads it (the parameters as a map, the value's text). */
    private String purpose(JsonParser p, JsonToken token) throws NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw NotPlain.INSTANCE;
        }
        Map<?, ?> read = parameters.readValue(p);
        Object purpose = read.get("purpose");
        return purpose == null ? null : purpose.toString();
    }

    private static List<RawInput> inputs(JsonParser p, JsonToken token) throws NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw NotPlain.INSTANCE;
        }
        List<RawInput> inputs = new ArrayList<>(2);
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (next != JsonToken.START_OBJECT) {
                throw NotPlain.INSTANCE;
            }
            inputs.add(input(p));
        }
        return inputs;
    }

    private static RawInput input(JsonParser p) throws NotPlain {
        String name = null;
        long[] shape = null;
        String datatype = null;
        Values values = null;
        int seen = 0;
        String field;
        while ((field = p.nextName()) != null) {
            int bit = switch (field) {
                case "name" -> 1;
                case "shape" -> 2;
                case "datatype" -> 4;
                case "data" -> 8;
                case "parameters" -> 16;
                default -> throw NotPlain.INSTANCE;
            };
            if ((seen & bit) != 0) {
                throw NotPlain.INSTANCE;
            }
            seen |= bit;
            JsonToken token = p.nextToken();
            switch (bit) {
                case 1 -> name = string(p, token);
                case 2 -> shape = shape(p, token);
                case 4 -> datatype = string(p, token);
                case 8 -> {
                    if (token != JsonToken.START_ARRAY) {
                        throw NotPlain.INSTANCE;
                    }
                    values = new Values();
                    flatten(p, values);
                }
                default -> {
                    // unused, but databind's path reads it as a map: an object or null, nothing else
                    if (token == JsonToken.START_OBJECT) {
                        p.skipChildren();
                    } else if (token != JsonToken.VALUE_NULL) {
                        throw NotPlain.INSTANCE;
                    }
                }
            }
        }
        if ((seen & 15) != 15) {
            throw NotPlain.INSTANCE; // databind's path words what is missing
        }
        return new RawInput(name, shape, datatype, values);
    }

    private static long[] shape(JsonParser p, JsonToken token) throws NotPlain {
        if (token != JsonToken.START_ARRAY) {
            throw NotPlain.INSTANCE;
        }
        long[] dims = new long[4];
        int size = 0;
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (next != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw NotPlain.INSTANCE;
            }
            if (size == dims.length) {
                dims = Arrays.copyOf(dims, size * 2);
            }
            dims[size++] = p.getLongValue();
        }
        return Arrays.copyOf(dims, size);
    }

    /** Row-major, flat or nested: nested arrays are flattened, as databind's path does. */
    private static void flatten(JsonParser p, Values into) throws NotPlain {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            switch (token) {
                case VALUE_NUMBER_FLOAT -> {
                    into.onlyForFloats = true;
                    into.add(p.getDoubleValue());
                }
                case VALUE_NUMBER_INT -> {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        into.onlyForFloats = true;
                        into.add(p.getDoubleValue());
                    } else {
                        long value = p.getLongValue();
                        if (value > (1L << 53) || value < -(1L << 53)) {
                            into.onlyForFloats = true;
                        }
                        into.add(value);
                    }
                }
                case START_ARRAY -> flatten(p, into);
                default -> throw NotPlain.INSTANCE;
            }
        }
    }

    private static List<String> outputs(JsonParser p, JsonToken token) throws NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw NotPlain.INSTANCE;
        }
        List<String> names = new ArrayList<>(2);
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (next != JsonToken.START_OBJECT) {
                throw NotPlain.INSTANCE;
            }
            String name = null;
            String field;
            while ((field = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                if (field.equals("name") && name == null) {
                    name = string(p, value);
                } else if (field.equals("parameters") && (value == JsonToken.START_OBJECT || value == JsonToken.VALUE_NULL)) {
                    p.skipChildren();
                } else {
                    throw NotPlain.INSTANCE;
                }
            }
            if (name == null) {
                throw NotPlain.INSTANCE;
            }
            names.add(name);
        }
        return names;
    }
}
