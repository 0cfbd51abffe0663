package org.modeldao.contracts.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node as the stream may meet it: a JSON-RPC proxy on a free port that forwards everything to a
 * real Hardhat node, but refuses an {@code eth_getLogs} whose result exceeds {@code maxLogs} with
 * the error Infura gives (-32005 "query returned more than N results"), and can rewrite the logs it
 * hands out (a hostile or broken node). Counts the calls per method.
 */
final class JsonRpcProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JsonRpcProxy.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final int maxLogs;
    private final AtomicInteger refusals = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile Consumer<ObjectNode> tamper = l -> { };
    private volatile boolean refuseReceipts;

    JsonRpcProxy(String upstreamUrl, int maxLogs) {
        this.upstream = URI.create(upstreamUrl);
        this.maxLogs = maxLogs;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            try {
                answer = forward(body);
            } catch (Exception e) {
                log.error("proxy failed", e);
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Web3j client() {
        return Web3j.build(new HttpService(url()));
    }

    /** eth_getLogs calls refused so far. */
    int refusals() {
        return refusals.get();
    }

    /** Calls of {@code method} forwarded so far (each request of a JSON-RPC batch counts). */
    int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** From now on, every log handed out (eth_getLogs and receipts) passes through {@code change}. */
    void tamperLogs(Consumer<ObjectNode> change) {
        this.tamper = change;
    }

    /** From now on, every eth_getTransactionReceipt is answered with an error (a node that gives a block out in no way). */
    void refuseReceipts() {
        this.refuseReceipts = true;
    }

    private byte[] forward(byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode request = JSON.readTree(body);
        JsonNode answer = JSON.readTree(response.body());
        if (request.isArray()) {
            ArrayNode changed = JSON.createArrayNode();
            for (int i = 0; i < answer.size(); i++) {
                changed.add(change(request.get(i), answer.get(i)));
            }
            return JSON.writeValueAsBytes(changed);
        }
        return JSON.writeValueAsBytes(change(request, answer));
    }

    private JsonNode change(JsonNode request, JsonNode answer) {
        String method = request.path("method").asString("");
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if ("eth_getLogs".equals(method) && answer.path("result").isArray()) {
            if (answer.path("result").size() > maxLogs) {
                refusals.incrementAndGet();
                return error(answer, -32005, "query returned more than " + maxLogs + " results");
            }
            answer.path("result").forEach(l -> tamper.accept((ObjectNode) l));
        }
        if ("eth_getTransactionReceipt".equals(method) && refuseReceipts) {
            return error(answer, -32000, "receipts are not available");
        }
        if ("eth_getTransactionReceipt".equals(method) && answer.path("result").isObject()) {
            answer.path("result").path("logs").forEach(l -> tamper.accept((ObjectNode) l));
        }
        return answer;
    }

    private static JsonNode error(JsonNode answer, int code, String message) {
        ObjectNode refused = JSON.createObjectNode();
        refused.put("jsonrpc", "2.0");
        refused.set("id", answer.get("id"));
        ObjectNode error = refused.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return refused;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
