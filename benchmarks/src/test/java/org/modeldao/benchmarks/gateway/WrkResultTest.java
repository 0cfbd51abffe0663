package org.modeldao.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrkResultTest {

    // wrk 4.1 --latency, as Debian's wrk prints it (figures changed to tell the fields apart)
    private static final String WRK = """
            Running 10s test @ http://127.0.0.1:40123/v2/models/iris/infer
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.37ms    2.10ms  48.65ms   93.21%
                Req/Sec     3.04k   412.17     3.80k    71.50%
              Latency Distribution
                 50%  812.00us
                 75%    1.21ms
                 90%    2.40ms
                 99%    1.20s
              60834 requests in 10.01s, 21.53MB read
              Socket errors: connect 1, read 2, write 3, timeout 4
              Non-2xx or 3xx responses: 17
            Requests/sec:   6077.32
            Transfer/sec:      2.15MB
            """;

    @Test
    void wrk_report_gives_requests_rate_percentiles_in_millis_and_all_errors() {
        WrkResult result = WrkResult.parse(WRK);

        assertEquals(60834, result.requests());
        assertEquals(6077.32, result.requestsPerSecond(), 1e-9);
        assertEquals(0.812, result.p50Millis(), 1e-9);
        assertEquals(1200.0, result.p99Millis(), 1e-9);
        assertEquals(1 + 2 + 3 + 4 + 17, result.errors());
    }

    @Test
    void clean_run_has_no_errors() {
        String clean = WRK.replaceAll("(?m)^.*(Socket errors|Non-2xx).*\\n", "");

        assertEquals(0, WrkResult.parse(clean).errors());
    }

    @Test
    void report_without_latency_distribution_is_refused() {
        String plain = WRK.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");

        assertThrows(IllegalArgumentException.class, () -> WrkResult.parse(plain));
    }

    @Test
    void figures_over_rounds_divide_server_cpu_by_requests_served_and_keep_the_worst_p99() {
        ServerFigures gateway = ServerFigures.of(List.of(
                new ServerFigures.Round(new WrkResult(1_000, 100, 2.0, 10.0, 1), 300_000_000L),
                new ServerFigures.Round(new WrkResult(3_000, 300, 4.0, 30.0, 2), 900_000_000L)));
        ServerFigures limit = ServerFigures.of(List.of(
                new ServerFigures.Round(new WrkResult(8_000, 800, 1.0, 5.0, 0), 400_000_000L)));

        assertEquals(200, gateway.requestsPerSecond(), 1e-9);
        assertEquals(3.0, gateway.p50Millis(), 1e-9);
        assertEquals(30.0, gateway.p99Millis(), 1e-9);
        assertEquals(3, gateway.errors());
        assertEquals(0.3, gateway.cpuMillisPerRequest(), 1e-9); // 1.2 s CPU / 4,000 requests
        assertEquals(0.05, limit.cpuMillisPerRequest(), 1e-9);

        ServerFigures.Ratios ratios = gateway.over(limit);
        assertEquals(0.25, ratios.throughput(), 1e-9);
        assertEquals(6.0, ratios.p99(), 1e-9);
        assertEquals(6.0, ratios.cpuPerRequest(), 1e-9);
    }

    @Test
    void figures_need_at_least_one_round() {
        assertThrows(IllegalArgumentException.class, () -> ServerFigures.of(List.of()));
    }
}
