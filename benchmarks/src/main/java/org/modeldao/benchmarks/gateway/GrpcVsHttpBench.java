package org.modeldao.benchmarks.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dao bench gateway-grpc [seconds] [warm-up seconds] [rounds]}: the same gateway (dev
 * chain, every check and the decision log on, the voted rate limit lifted by an executed proposal)
 * called over OIP REST by wrk and over OIP gRPC by {@link GrpcLoadClient}, each in a process of its
 * own, in interleaved rounds at 1, 8 and 32 connections / concurrent streams after a JIT warm-up of
 * both paths at each of them. The gateway runs in this JVM, whose threads sleep meanwhile: its CPU time is the gateway's.
 */
final class GrpcVsHttpBench {

    private static final Logger log = LoggerFactory.getLogger(GrpcVsHttpBench.class);
    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final String HTTP = "http", GRPC = "grpc";
    private static final Duration GRPC_RAMP_UP = Duration.ofSeconds(1);

    private GrpcVsHttpBench() {}

    static void run(String[] args) throws Exception {
        Duration round = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        // spread over every concurrency the rounds use, as in gateway-vs-limit
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 45);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("gateway-grpc");
        WrkLoad wrk = new WrkLoad(dir, ChainHttpBench.BODY);
        try (ChainHttpBench chain = new ChainHttpBench(ChainHttpBench.DEFAULT_POLL_INTERVAL)) {
            URI url = chain.approveIrisUnlimited();
            try (GrpcLoadClient.Process grpcClient = GrpcLoadClient.Process.start(chain.grpcPort())) {
                WarmUp.atEach(HTTP, CONCURRENCY, warmUp, (connections, time) -> wrk.run(url, connections, time));
                WarmUp.atEach(GRPC, CONCURRENCY, warmUp, (streams, time) -> grpc(grpcClient, streams, time).wrk());
                log.info(format(measure(wrk, url, grpcClient, round, rounds), round, warmUp, rounds));
            }
        }
    }

    private static Map<Integer, Map<String, ServerFigures>> measure(WrkLoad wrk, URI url, GrpcLoadClient.Process grpcClient,
            Duration round, int rounds) throws Exception {
        Map<Integer, Map<String, ServerFigures>> table = new LinkedHashMap<>();
        for (int concurrency : CONCURRENCY) {
            Map<String, List<ServerFigures.Round>> measured = Map.of(HTTP, new ArrayList<>(), GRPC, new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                // alternate which protocol goes first, so neither always runs in the other's wake
                for (String protocol : r % 2 == 0 ? List.of(HTTP, GRPC) : List.of(GRPC, HTTP)) {
                    ServerFigures.Round result = protocol.equals(HTTP) ? http(wrk, url, concurrency, round)
                            : grpc(grpcClient, concurrency, round);
                    measured.get(protocol).add(result);
                    log.info("{} at {}, round {}: {}", protocol, concurrency, r + 1, result.wrk());
                }
            }
            Map<String, ServerFigures> figures = new LinkedHashMap<>();
            figures.put(HTTP, ServerFigures.of(measured.get(HTTP)));
            figures.put(GRPC, ServerFigures.of(measured.get(GRPC)));
            table.put(concurrency, figures);
        }
        return table;
    }

    private static ServerFigures.Round http(WrkLoad wrk, URI url, int connections, Duration round) throws Exception {
        long cpuBefore = gatewayCpuNanos();
        WrkResult result = wrk.run(url, connections, round);
        return new ServerFigures.Round(result, gatewayCpuNanos() - cpuBefore);
    }

    /**
     * One gRPC round of the bench's one client process: its streams ramp up for {@link #GRPC_RAMP_UP}
     * (as wrk's connections open before its first request), then the measured window alone is timed
     * and charged.
     */
    private static ServerFigures.Round grpc(GrpcLoadClient.Process client, int streams, Duration round) throws Exception {
        long startAt = System.currentTimeMillis() + GRPC_RAMP_UP.toMillis();
        client.begin(streams, startAt, round);
        Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
        long cpuBefore = gatewayCpuNanos();
        Thread.sleep(round.toMillis());
        long cpu = gatewayCpuNanos() - cpuBefore;
        return new ServerFigures.Round(client.result(round), cpu);
    }

    private static long gatewayCpuNanos() {
        return HttpLoadClient.cpuNanos();
    }

    static String format(Map<Integer, Map<String, ServerFigures>> table, Duration round, Duration warmUp, int rounds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n[gateway-grpc] one gateway, OIP REST (wrk) and OIP gRPC (grpc-java, one HTTP/2 connection) on 127.0.0.1, "
                        + "%d interleaved rounds of %d s per protocol and concurrency, after %d s warm-up each (spread over the concurrencies), %d cores%n",
                rounds, round.toSeconds(), warmUp.toSeconds(), Runtime.getRuntime().availableProcessors()));
        out.append("| concurrency | REST req/s | gRPC req/s | p50 REST / gRPC | p99 REST / gRPC | errors REST / gRPC "
                + "| CPU per request REST / gRPC | gRPC/REST req/s |%n".formatted());
        out.append("|---|---|---|---|---|---|---|---|%n".formatted());
        table.forEach((concurrency, figures) -> {
            ServerFigures http = figures.get(HTTP);
            ServerFigures grpc = figures.get(GRPC);
            out.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f / %.2f ms | %.2f / %.2f ms | %d / %d "
                            + "| %.3f / %.3f ms | %.2f |%n", concurrency, http.requestsPerSecond(), grpc.requestsPerSecond(),
                    http.p50Millis(), grpc.p50Millis(), http.p99Millis(), grpc.p99Millis(), http.errors(), grpc.errors(),
                    http.cpuMillisPerRequest(), grpc.cpuMillisPerRequest(), grpc.requestsPerSecond() / http.requestsPerSecond()));
        });
        return out.toString();
    }
}
