package org.modeldao.app.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC pass-through in front of a real node that remembers every request body, so a test
 * can count the calls the app made (and see their parameters). Bound to a free loopback port.
 */
public final class CountingRpcProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private CountingRpcProxy(String nodeUrl) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                requests.add(new String(body, StandardCharsets.UTF_8));
                HttpResponse<byte[]> answer;
                try {
                    answer = client.send(HttpRequest.newBuilder(URI.create(nodeUrl)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        });
        server.start();
    }

    public static CountingRpcProxy to(String nodeUrl) {
        try {
            return new CountingRpcProxy(nodeUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the RPC proxy", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Request bodies seen since the last {@link #reset()}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
