package org.modeldao.app.indexer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hosted node as the indexer meets it: a small JSON-RPC proxy on a free port that forwards
 * everything to the real Hardhat node but refuses an {@code eth_getLogs} whose result would
 * exceed {@code maxLogs}, with the error Infura gives. It can also refuse receipts of chosen
 * blocks (a node that will not give a block's logs in any way).
 */
final class LogCapProxy implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogCapProxy.class);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final int maxLogs;
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger servedLogRequests = new AtomicInteger();
    private final AtomicInteger servedReceipts = new AtomicInteger();
    private final Set<String> refusedReceiptBlocks = ConcurrentHashMap.newKeySet();

    LogCapProxy(String upstreamUrl, int maxLogs) {
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

    /** eth_getLogs calls refused so far. */
    int refusals() {
        return refusals.get();
    }

    /** eth_getLogs calls answered so far. */
    int servedLogRequests() {
        return servedLogRequests.get();
    }

    /** eth_getTransactionReceipt calls answered so far. */
    int servedReceipts() {
        return servedReceipts.get();
    }

    /** Receipts of transactions in this block are refused from now on (null block hash allowed: use the block number). */
    void refuseReceiptsOfBlock(long block) {
        refusedReceiptBlocks.add("0x" + Long.toHexString(block));
    }

    void allowAllReceipts() {
        refusedReceiptBlocks.clear();
    }

    private byte[] forward(byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode request = JSON.readTree(body);
        JsonNode answer = JSON.readTree(response.body());
        if (request.isArray()) {
            ArrayNode capped = JSON.createArrayNode();
            for (int i = 0; i < answer.size(); i++) {
                capped.add(cap(request.get(i), answer.get(i)));
            }
            return JSON.writeValueAsBytes(capped);
        }
        return JSON.writeValueAsBytes(cap(request, answer));
    }

    private JsonNode cap(JsonNode request, JsonNode answer) {
        String method = request.path("method").asString("");
        if ("eth_getLogs".equals(method) && answer.path("result").isArray()) {
            if (answer.path("result").size() > maxLogs) {
                refusals.incrementAndGet();
                return error(answer, -32005, "query returned more than " + maxLogs + " results");
            }
            servedLogRequests.incrementAndGet();
        }
        if ("eth_getTransactionReceipt".equals(method) && answer.path("result").isObject()
                && refusedReceiptBlocks.contains(answer.path("result").path("blockNumber").asString(""))) {
            return error(answer, -32000, "receipts of this block are not available");
        }
        if ("eth_getTransactionReceipt".equals(method) && answer.path("result").isObject()) {
            servedReceipts.incrementAndGet();
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
