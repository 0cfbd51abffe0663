package org.modeldao.gateway.traffic;

import java.time.Instant;

/**
 * What the gateway did with one model's calls, in aggregate only (no caller, address, token or input).
 *
 * @param gatewayStartedAt when the counting began (the gateway's start)
 * @param asOf             when the counts were read
 * @param lastHour         from the minute sample closest to an hour ago (the gateway's start within its first hour)
 * @param sinceStart       since {@code gatewayStartedAt}
 */
public record ModelTraffic(String model, Instant gatewayStartedAt, Instant asOf, Window lastHour, Window sinceStart) {

    /** Counts from {@code from} to {@link ModelTraffic#asOf()}. */
    public record Window(Instant from, TrafficCounts counts) {}
}
