package org.modeldao.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modeldao.gateway.oip.ProtocolError;
import org.modeldao.gateway.traffic.ModelTraffic;
import org.modeldao.gateway.traffic.TrafficCounts;
import org.modeldao.gateway.traffic.TrafficHistory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public traffic summary of a model: calls served and refused, by kind of rule, in the last hour and since
 * the gateway started. Aggregates only; beside the OIP v2 metadata, not inside it (its shape is the protocol's).
 */
@RestController
@Tag(name = "Governance")
class TrafficController {

    private final TrafficHistory history;

    TrafficController(TrafficHistory history) {
        this.history = history;
    }

    @GetMapping(path = "/governance/models/{model}/traffic", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Calls served and refused (by access policy, rate limit, ethical constraint, validation, "
            + "unavailable, model failure) in the last hour and since the gateway started; aggregates only")
    ResponseEntity<Object> traffic(@PathVariable String model) {
        return history.of(model).<ResponseEntity<Object>>map(traffic -> ResponseEntity.ok(body(traffic)))
                .orElseGet(() -> Responses.render(ProtocolError.of(404, "unknown model " + model)));
    }

    private static TrafficBody body(ModelTraffic traffic) {
        return new TrafficBody(traffic.model(), traffic.gatewayStartedAt().toString(), traffic.asOf().toString(),
                window(traffic.lastHour()), window(traffic.sinceStart()));
    }

    private static WindowBody window(ModelTraffic.Window window) {
        TrafficCounts counts = window.counts();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        counts.refusedByCategory().forEach((category, count) -> byCategory.put(category.jsonName(), count));
        return new WindowBody(window.from().toString(), counts.served(), counts.refused(), byCategory);
    }

    record TrafficBody(String model, @JsonProperty("gateway_started_at") String gatewayStartedAt,
            @JsonProperty("as_of") String asOf, @JsonProperty("last_hour") WindowBody lastHour,
            @JsonProperty("since_start") WindowBody sinceStart) {}

    record WindowBody(String from, long served, long refused,
            @JsonProperty("refused_by_category") Map<String, Long> refusedByCategory) {}
}
