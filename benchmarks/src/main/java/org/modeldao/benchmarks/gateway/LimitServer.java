package org.modeldao.benchmarks.gateway;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "limit": the least a server needs to answer the gateway's OIP v2 {@code /infer} call on the
 * same ONNX artifact (JDK HTTP server, Jackson, ONNX Runtime, nothing else: no governance, no
 * audit). Bench code only, run in a process of its own so that its CPU time is its own.
 *
 * <p>{@code LimitServer <model.onnx> <port file>}: listens on 127.0.0.1 on a free port and writes
 * the port to the file once it serves.
 */
public final class LimitServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;

    private LimitServer(Path model) throws Exception {
        session = env.createSession(model.toString(), new OrtSession.SessionOptions());
        inputName = session.getInputNames().iterator().next();
    }

    public static void main(String[] args) throws Exception {
        LimitServer limit = new LimitServer(Path.of(args[0]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/v2/models/iris/infer", limit::handle);
        // blocking handlers: a few threads per core keep both cores busy at 32 connections
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 4));
        server.start();
        Files.writeString(Path.of(args[1]), Integer.toString(server.getAddress().getPort()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] answer;
        int status = 200;
        try (InputStream in = exchange.getRequestBody()) {
            answer = JSON.writeValueAsBytes(infer(JSON.readTree(in)));
        } catch (Exception e) {
            status = 400;
            answer = JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage())));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private Map<String, Object> infer(JsonNode request) throws Exception {
        JsonNode input = request.get("inputs").get(0);
        JsonNode data = input.get("data");
        long[] shape = new long[input.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = input.get("shape").get(i).asLong();
        }
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data.get(i).asDouble();
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            for (Map.Entry<String, OnnxValue> output : result) {
                OnnxTensor out = (OnnxTensor) output.getValue();
                FloatBuffer buffer = out.getFloatBuffer();
                float[] floats = new float[buffer.remaining()];
                buffer.get(floats);
                Map<String, Object> tensorJson = new LinkedHashMap<>();
                tensorJson.put("name", output.getKey());
                tensorJson.put("shape", out.getInfo().getShape());
                tensorJson.put("datatype", "FP32");
                tensorJson.put("data", floats);
                outputs.add(tensorJson);
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("model_name", "iris");
        response.put("id", request.path("id").asString(""));
        response.put("outputs", outputs);
        return response;
    }
}
