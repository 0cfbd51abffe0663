package org.modeldao.app.dashboard.internal;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.modeldao.app.dashboard.GatewayProperties;
import tools.jackson.databind.JsonNode;

/**
 * One GET to the model gateway's public endpoints under the dashboard's rules for another server's answers: each
 * exchange cancelled once {@link GatewayProperties#timeout()} has passed, each answer read up to
 * {@link #MAX_BODY_BYTES}, its text shown as one printable line of at most {@link #MAX_TEXT_CHARS} characters.
 */
final class GatewayExchange {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final int MAX_TEXT_CHARS = 300;

    private final GatewayProperties properties;
    private final HttpClient http;

    GatewayExchange(GatewayProperties properties) {
        this.properties = properties;
        // HTTP/1.1: no h2c upgrade dance with a gateway that may sit behind any proxy
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean configured() {
        return properties.configured();
    }

    /** GETs {@code path} (from {@link #modelPath}); completes exceptionally on timeout, connection failure or a long answer. */
    CompletableFuture<HttpResponse<byte[]>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url() + path))
                .timeout(properties.timeout()).header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, info -> new BoundedBody(MAX_BODY_BYTES));
        // cancelling aborts the exchange: a gateway that sends headers and then stalls holds nothing of ours
        CompletableFuture.delayedExecutor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> sent.cancel(true));
        return sent;
    }

    /** Asks about every model at once: one result per model, in the order given, once all have come (or failed). */
    static <T> CompletableFuture<Map<String, T>> perModel(List<String> models, Function<String, CompletableFuture<T>> ask) {
        Map<String, CompletableFuture<T>> asked = new LinkedHashMap<>();
        models.forEach(model -> asked.put(model, ask.apply(model)));
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, T> results = new LinkedHashMap<>();
            asked.forEach((model, result) -> results.put(model, result.join()));
            return results;
        });
    }

    /** {@code prefix} + the model's name as one path segment + {@code suffix}. */
    static String modelPath(String prefix, String model, String suffix) {
        return prefix + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20") + suffix;
    }

    /** Why an exchange gave no answer, in words for the page. */
    String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException || cause instanceof HttpTimeoutException) {
            return "no answer from " + properties.url() + " within " + properties.timeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect to " + properties.url();
        }
        return clean(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    /** Text from another server, shown on a page: one line, printable, bounded. */
    static String text(JsonNode node) {
        return node.isString() ? clean(node.stringValue()) : "";
    }

    static String clean(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_TEXT_CHARS ? line : line.substring(0, MAX_TEXT_CHARS) + "…";
    }
}
