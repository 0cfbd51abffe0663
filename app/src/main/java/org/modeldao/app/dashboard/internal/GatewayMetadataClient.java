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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.modeldao.app.dashboard.GatewayProperties;
import org.modeldao.app.dashboard.GatewayReport;
import org.modeldao.app.dashboard.GatewayReport.Status;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the model gateway's public metadata endpoint ({@code GET /v2/models/{name}}) what it serves,
 * all models at once, each exchange cancelled once {@link GatewayProperties#timeout()} has passed
 * and each answer read up to {@link #MAX_BODY_BYTES}: the dashboard never waits on a slow or
 * hostile gateway longer than that, and nothing of such an exchange is left running.
 */
@Component
public class GatewayMetadataClient {

    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final int MAX_DETAIL_CHARS = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayProperties properties;
    private final HttpClient http;

    public GatewayMetadataClient(GatewayProperties properties) {
        this.properties = properties;
        // HTTP/1.1: no h2c upgrade dance with a gateway that may sit behind any proxy
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One report per model, in the order given; completes within the timeout whatever the gateway does. */
    public CompletableFuture<Map<String, GatewayReport>> reports(List<String> models) {
        Map<String, CompletableFuture<GatewayReport>> asked = new LinkedHashMap<>();
        models.forEach(model -> asked.put(model, report(model)));
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, GatewayReport> reports = new LinkedHashMap<>();
            asked.forEach((model, report) -> reports.put(model, report.join()));
            return reports;
        });
    }

    private CompletableFuture<GatewayReport> report(String model) {
        if (!properties.configured()) {
            return CompletableFuture.completedFuture(GatewayReport.of(Status.NOT_CONFIGURED, ""));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url() + "/v2/models/"
                        + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(properties.timeout()).header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, info -> new BoundedBody(MAX_BODY_BYTES));
        // cancelling aborts the exchange: a gateway that sends headers and then stalls holds nothing of ours
        CompletableFuture.delayedExecutor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> sent.cancel(true));
        return sent.thenApply(GatewayMetadataClient::read)
                .exceptionally(failure -> GatewayReport.of(Status.UNREACHABLE, why(failure)));
    }

    private String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException || cause instanceof HttpTimeoutException) {
            return "no answer from " + properties.url() + " within " + properties.timeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect to " + properties.url();
        }
        return clean(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    static GatewayReport read(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            return GatewayReport.of(Status.UNREADABLE, "HTTP " + response.statusCode() + " without a JSON body");
        }
        JsonNode parameters = body.path("parameters");
        String error = text(body.path("error"));
        return switch (response.statusCode()) {
            case 200 -> answered(parameters);
            case 404 -> GatewayReport.of(Status.UNKNOWN_MODEL, error);
            case 410 -> new GatewayReport(Status.REVOKED, Optional.of(text(parameters.path("model_version"))).filter(v -> !v.isEmpty()),
                    error);
            default -> GatewayReport.of(Status.UNREADABLE, "HTTP " + response.statusCode() + (error.isEmpty() ? "" : ": " + error));
        };
    }

    private static GatewayReport answered(JsonNode parameters) {
        String state = text(parameters.path("state"));
        Optional<String> version = Optional.of(text(parameters.path("model_version"))).filter(v -> !v.isEmpty());
        return switch (state) {
            case "ready" -> new GatewayReport(Status.READY, version, "");
            case "loading" -> new GatewayReport(Status.LOADING, version, "");
            case "quarantined" -> new GatewayReport(Status.QUARANTINED, version, text(parameters.path("quarantine_reason")));
            case "unavailable" -> new GatewayReport(Status.UNAVAILABLE, version, text(parameters.path("unavailable_reason")));
            case "no_current_version" -> GatewayReport.of(Status.NO_CURRENT_VERSION, "");
            default -> new GatewayReport(Status.UNREADABLE, version, "state " + clean(state));
        };
    }

    /** Text from another server, shown on a page: one line, printable, bounded. */
    private static String text(JsonNode node) {
        return node.isString() ? clean(node.stringValue()) : "";
    }

    private static String clean(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
