package org.modeldao.app.dashboard.internal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.modeldao.app.dashboard.GatewayProperties;
import org.modeldao.app.dashboard.GatewayReport;
import org.modeldao.app.dashboard.GatewayReport.Status;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the model gateway's public metadata endpoint ({@code GET /v2/models/{name}}) what it serves,
 * all models at once, under {@link GatewayExchange}'s rules (timeout, size cap, one bounded line of
 * text): the dashboard never waits on a slow or hostile gateway longer than the timeout, and nothing of
 * such an exchange is left running.
 */
@Component
public class GatewayMetadataClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayExchange gateway;

    public GatewayMetadataClient(GatewayProperties properties) {
        this.gateway = new GatewayExchange(properties);
    }

    /** One report per model, in the order given; completes within the timeout whatever the gateway does. */
    public CompletableFuture<Map<String, GatewayReport>> reports(List<String> models) {
        return GatewayExchange.perModel(models, this::report);
    }

    private CompletableFuture<GatewayReport> report(String model) {
        if (!gateway.configured()) {
            return CompletableFuture.completedFuture(GatewayReport.of(Status.NOT_CONFIGURED, ""));
        }
        return gateway.get(GatewayExchange.modelPath("/v2/models/", model, "")).thenApply(GatewayMetadataClient::read)
                .exceptionally(failure -> GatewayReport.of(Status.UNREACHABLE, gateway.why(failure)));
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
            default -> new GatewayReport(Status.UNREADABLE, version, "state " + GatewayExchange.clean(state));
        };
    }

    private static String text(JsonNode node) {
        return GatewayExchange.text(node);
    }
}
