package org.modeldao.gateway.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Follows the governance app's revocation list ({@code GET /api/tokens/revoked}: ids of revoked
 * tokens that have not expired) by polling with If-None-Match, so an unchanged list costs a 304.
 * Each successful answer replaces the whole set; when the app cannot be reached, or answers
 * something unusable, the last known set stays in force and {@link #status()} says so.
 */
public final class RevocationFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Duration pollInterval;
    private final Duration requestTimeout;
    private final int maxListBytes;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    private volatile Map<String, Instant> revoked = Map.of();
    private volatile String etag;
    private volatile Status status;

    public RevocationFeed(URI url, Duration pollInterval, Duration requestTimeout, int maxListBytes, Clock clock) {
        this.url = url;
        this.pollInterval = pollInterval;
        this.requestTimeout = requestTimeout;
        this.maxListBytes = maxListBytes;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("revocation-feed").factory());
        this.status = new Status(false, null, "not polled yet", 0, url.toString());
    }

    /** First poll at once, then every poll interval. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::pollOnce, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether {@code jti} is on the last list received and has not expired since. */
    public boolean isRevoked(String jti) {
        Instant expiresAt = jti == null ? null : revoked.get(jti);
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    public Status status() {
        return status;
    }

    /** One poll; never throws (a failure keeps the last list and is reported in {@link #status()}). */
    public void pollOnce() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).header("Accept", "application/json").GET();
            String known = etag;
            if (known != null) {
                request.header("If-None-Match", known);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    succeeded(revoked, known);
                } else if (response.statusCode() == 200) {
                    byte[] bytes = body.readNBytes(maxListBytes + 1);
                    if (bytes.length > maxListBytes) {
                        failed("the list is larger than gateway.tokens.max-list-bytes (" + maxListBytes + ")");
                        return;
                    }
                    succeeded(parse(bytes), response.headers().firstValue("ETag").orElse(null));
                } else {
                    failed("HTTP " + response.statusCode() + " from " + url);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed("interrupted");
        } catch (IOException | RuntimeException e) {
            failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Map<String, Instant> parse(byte[] bytes) {
        JsonNode list = JSON.readTree(bytes);
        if (!list.isArray()) {
            throw new IllegalArgumentException("the revocation list is not a JSON array");
        }
        Instant now = clock.instant();
        Map<String, Instant> parsed = new HashMap<>();
        for (JsonNode entry : list) {
            String jti = entry.path("jti").asString(null);
            String expiresAt = entry.path("expiresAt").asString(null);
            if (jti == null || expiresAt == null) {
                throw new IllegalArgumentException("a revocation entry lacks jti or expiresAt");
            }
            Instant expiry = Instant.parse(expiresAt);
            if (now.isBefore(expiry)) {
                parsed.put(jti, expiry);
            }
        }
        return Map.copyOf(parsed);
    }

    private void succeeded(Map<String, Instant> list, String newEtag) {
        Instant now = clock.instant();
        // expired entries need no refusal: drop them even while the app answers 304
        Map<String, Instant> current = new HashMap<>(list);
        current.values().removeIf(expiry -> !now.isBefore(expiry));
        revoked = Map.copyOf(current);
        etag = newEtag;
        if (!status.reachable()) {
            log.info("Revocation list from {}: {} revoked token(s)", url, current.size());
        }
        status = new Status(true, now, null, current.size(), url.toString());
    }

    private void failed(String reason) {
        Status before = status;
        if (before.reachable() || before.lastSuccess() == null) {
            log.warn("Revocation list from {} unavailable ({}); keeping the last known list of {} id(s)", url, reason, revoked.size());
        }
        status = new Status(false, before.lastSuccess(), reason, revoked.size(), url.toString());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.close();
    }

    /**
     * @param reachable whether the last poll succeeded
     * @param lastSuccess when a list was last received (or confirmed unchanged); null = never
     * @param lastError why the last poll failed, or null
     * @param revokedTokens ids currently refused
     * @param url where the list comes from
     */
    public record Status(boolean reachable, Instant lastSuccess, String lastError, int revokedTokens, String url) {
    }
}
