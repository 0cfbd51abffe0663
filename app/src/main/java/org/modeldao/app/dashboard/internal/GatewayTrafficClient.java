package org.modeldao.app.dashboard.internal;

import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.modeldao.app.dashboard.GatewayProperties;
import org.modeldao.app.dashboard.GatewayTraffic;
import org.modeldao.app.dashboard.GatewayTraffic.Counts;
import org.modeldao.app.dashboard.GatewayTraffic.RefusalKind;
import org.modeldao.app.dashboard.GatewayTraffic.Status;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the model gateway's public traffic summary ({@code GET /governance/models/{name}/traffic}) how many calls
 * each model served and refused, under {@link GatewayExchange}'s rules. Every number must be a whole number from 0
 * to 2^53 (what JSON carries exactly), and the refusals by kind may not add up to more than all refusals: any other
 * answer is unreadable, never shown.
 */
@Component
public class GatewayTrafficClient {

    /** The largest count a JSON number carries exactly; a gateway counting higher has long since restarted. */
    static final long MAX_COUNT = 1L << 53;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayExchange gateway;

    public GatewayTrafficClient(GatewayProperties properties) {
        this.gateway = new GatewayExchange(properties);
    }

    /** One summary per model, in the order given; completes within the timeout whatever the gateway does. */
    public CompletableFuture<Map<String, GatewayTraffic>> traffic(List<String> models) {
        return GatewayExchange.perModel(models, this::trafficOf);
    }

    private CompletableFuture<GatewayTraffic> trafficOf(String model) {
        if (!gateway.configured()) {
            return CompletableFuture.completedFuture(GatewayTraffic.of(Status.NOT_CONFIGURED, ""));
        }
        return gateway.get(GatewayExchange.modelPath("/governance/models/", model, "/traffic"))
                .thenApply(GatewayTrafficClient::read)
                .exceptionally(failure -> GatewayTraffic.of(Status.UNREACHABLE, gateway.why(failure)));
    }

    static GatewayTraffic read(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            return GatewayTraffic.of(Status.UNREADABLE, "HTTP " + response.statusCode() + " without a JSON body");
        }
        String error = GatewayExchange.text(body.path("error"));
        return switch (response.statusCode()) {
            case 200 -> counted(body);
            case 404 -> GatewayTraffic.of(Status.UNKNOWN_MODEL, error);
            default -> GatewayTraffic.of(Status.UNREADABLE, "HTTP " + response.statusCode() + (error.isEmpty() ? "" : ": " + error));
        };
    }

    private static GatewayTraffic counted(JsonNode body) {
        try {
            return new GatewayTraffic(Status.COUNTED, Optional.of(counts(body.path("last_hour"), "last_hour")),
                    Optional.of(counts(body.path("since_start"), "since_start")), "");
        } catch (Unreadable e) {
            return GatewayTraffic.of(Status.UNREADABLE, GatewayExchange.clean(e.getMessage()));
        }
    }

    private static Counts counts(JsonNode window, String name) throws Unreadable {
        long refused = count(window.path("refused"), name + ".refused");
        Map<RefusalKind, Long> byKind = new EnumMap<>(RefusalKind.class);
        long sum = 0;
        for (RefusalKind kind : RefusalKind.values()) {
            JsonNode value = window.path("refused_by_category").path(kind.name().toLowerCase(Locale.ROOT));
            if (!value.isMissingNode()) {
                long n = count(value, name + ".refused_by_category." + kind.name().toLowerCase(Locale.ROOT));
                byKind.put(kind, n);
                sum += n;
            }
        }
        if (sum > refused) {
            throw new Unreadable(name + ": refusals by kind add up to " + sum + ", more than the " + refused + " refused");
        }
        return new Counts(instant(window.path("from"), name + ".from"), count(window.path("served"), name + ".served"), refused,
                byKind);
    }

    private static long count(JsonNode node, String name) throws Unreadable {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0 || node.longValue() > MAX_COUNT) {
            throw new Unreadable(name + " is not a count: " + GatewayExchange.clean(String.valueOf(node)));
        }
        return node.longValue();
    }

    private static Instant instant(JsonNode node, String name) throws Unreadable {
        try {
            return Instant.parse(GatewayExchange.text(node));
        } catch (DateTimeException e) {
            throw new Unreadable(name + " is not a time: " + GatewayExchange.clean(String.valueOf(node)));
        }
    }

    /** An answer with the right status whose content cannot be shown. */
    private static final class Unreadable extends Exception {

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
