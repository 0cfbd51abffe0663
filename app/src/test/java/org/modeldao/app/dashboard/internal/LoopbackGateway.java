package org.modeldao.app.dashboard.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that answers the gateway's public paths as told (a path not told is a 500): the
 * answers the dashboard's clients must read, and the ones they must survive.
 */
final class LoopbackGateway implements AutoCloseable {

    private final HttpServer server;

    LoopbackGateway(Map<String, HttpHandler> handlers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            HttpHandler handler = handlers.get(exchange.getRequestURI().getRawPath());
            if (handler == null) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            handler.handle(exchange);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code json} with {@code status}. */
    static HttpHandler answer(int status, String json) {
        return exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
