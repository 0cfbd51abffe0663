package org.modeldao.benchmarks.gateway;

import java.util.List;

/**
 * One server's figures at one connection count, over its interleaved rounds: mean req/s, mean
 * p50, worst p99, all errors, and the server process's CPU time divided by the requests it served.
 */
record ServerFigures(double requestsPerSecond, double p50Millis, double p99Millis, long errors,
        double cpuMillisPerRequest) {

    /** One wrk run against the server and the CPU time the server's process used meanwhile. */
    record Round(WrkResult wrk, long serverCpuNanos) {}

    static ServerFigures of(List<Round> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        long requests = rounds.stream().mapToLong(r -> r.wrk().requests()).sum();
        long cpu = rounds.stream().mapToLong(Round::serverCpuNanos).sum();
        return new ServerFigures(rounds.stream().mapToDouble(r -> r.wrk().requestsPerSecond()).average().orElseThrow(),
                rounds.stream().mapToDouble(r -> r.wrk().p50Millis()).average().orElseThrow(),
                rounds.stream().mapToDouble(r -> r.wrk().p99Millis()).max().orElseThrow(),
                rounds.stream().mapToLong(r -> r.wrk().errors()).sum(),
                requests == 0 ? Double.NaN : cpu / 1e6 / requests);
    }

    /** This server's figure divided by the other's, for req/s, p99 and CPU per request. */
    record Ratios(double throughput, double p99, double cpuPerRequest) {}

    Ratios over(ServerFigures other) {
        return new Ratios(requestsPerSecond / other.requestsPerSecond, p99Millis / other.p99Millis,
                cpuMillisPerRequest / other.cpuMillisPerRequest);
    }
}
