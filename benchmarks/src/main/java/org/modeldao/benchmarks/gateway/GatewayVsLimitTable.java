package org.modeldao.benchmarks.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The side-by-side table the gateway-vs-limit bench prints, with the gateway/limit ratios. */
final class GatewayVsLimitTable {

    private GatewayVsLimitTable() {}

    static String format(Map<Integer, Map<String, ServerFigures>> table, Duration round, Duration warmUp, int rounds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n[gateway-vs-limit] wrk on 127.0.0.1, %d interleaved rounds of %d s per server and connection count, "
                        + "after %d s warm-up each, spread over the connection counts; req/s and p50 are means over rounds, p99 the worst round%n"
                        + "| conn | gateway req/s | limit req/s | ratio | p50 gw / limit ms | p99 gw / limit ms | p99 ratio "
                        + "| errors gw / limit | CPU ms/req gw / limit | CPU ratio |%n",
                rounds, round.toSeconds(), warmUp.toSeconds()));
        table.forEach((connections, servers) -> {
            ServerFigures gateway = servers.get("gateway");
            ServerFigures limit = servers.get("limit");
            ServerFigures.Ratios ratios = gateway.over(limit);
            out.append(String.format(Locale.ROOT,
                    "| %d | %,.0f | %,.0f | %.2f | %.2f / %.2f | %.2f / %.2f | %.1f | %d / %d | %.3f / %.3f | %.1f |%n",
                    connections, gateway.requestsPerSecond(), limit.requestsPerSecond(), ratios.throughput(),
                    gateway.p50Millis(), limit.p50Millis(), gateway.p99Millis(), limit.p99Millis(), ratios.p99(),
                    gateway.errors(), limit.errors(), gateway.cpuMillisPerRequest(), limit.cpuMillisPerRequest(),
                    ratios.cpuPerRequest()));
        });
        return out.toString();
    }
}
