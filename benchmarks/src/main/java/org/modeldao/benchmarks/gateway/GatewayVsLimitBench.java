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
import java.util.concurrent.TimeUnit;
import org.modeldao.demomodels.DemoModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dao bench gateway-vs-limit [seconds] [warm-up seconds] [rounds]}: the whole gateway
 * on a dev chain (every check and the decision log on, the voted rate limit lifted by an executed
 * proposal) against the {@link LimitServer} on the same artifact, both driven by wrk from a
 * process of its own, in interleaved rounds at 1, 8 and 32 connections after a JIT warm-up at each of them.
 *
 * <p>The gateway runs in this JVM (as in {@link ChainHttpBench}); the bench's own threads sleep
 * while wrk runs, so this process's CPU time is the gateway's. The limit runs in a child process.
 */
final class GatewayVsLimitBench {

    private static final Logger log = LoggerFactory.getLogger(GatewayVsLimitBench.class);
    private static final int[] CONNECTIONS = {1, 8, 32};

    private GatewayVsLimitBench() {}

    static void run(String[] args) throws Exception {
        Duration round = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        // 10 s of warm-up left both JVMs still speeding up (docs/benchmarks.md): 45 s by default, spread
        // over every connection count the rounds use (15 s each)
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 45);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("gateway-vs-limit");
        LoadGenerator wrk = LoadGenerator.available(dir, ChainHttpBench.BODY);
        log.info("load generator: {}", wrk.getClass().getSimpleName());
        Process limitProcess = startLimit(dir);
        try (ChainHttpBench chain = new ChainHttpBench(ChainHttpBench.DEFAULT_POLL_INTERVAL)) {
            Map<String, Target> targets = new LinkedHashMap<>();
            targets.put("gateway", new Target(chain.approveIrisUnlimited(), ProcessHandle.current()));
            targets.put("limit", new Target(limitUri(dir), limitProcess.toHandle()));
            for (Map.Entry<String, Target> target : targets.entrySet()) {
                WarmUp.atEach(target.getKey(), CONNECTIONS, warmUp, (connections, time) ->
                        wrk.run(target.getValue().url(), connections, time));
            }
            Map<Integer, Map<String, ServerFigures>> table = new LinkedHashMap<>();
            Map<Integer, String> gatewayCpuParts = new LinkedHashMap<>();
            for (int connections : CONNECTIONS) {
                GatewayCpuParts.Tally parts = new GatewayCpuParts.Tally();
                table.put(connections, interleaved(wrk, targets, connections, round, rounds, parts));
                gatewayCpuParts.put(connections, parts.perCall());
            }
            log.info(GatewayVsLimitTable.format(table, round, warmUp, rounds));
            gatewayCpuParts.forEach((connections, parts) ->
                    log.info("gateway CPU µs per call at {} connections: {}", connections, parts));
            log.info("gateway {}", chain.batchFigures());
        } finally {
            limitProcess.destroy();
            limitProcess.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private record Target(URI url, ProcessHandle process) {
        long cpuNanos() {
            return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                    "no CPU time for process " + process.pid())).toNanos();
        }
    }

    /**
     * Alternates which server goes first in each round, so neither always runs in the other's wake.
     * Adds the in-process gateway's CPU by part ({@link GatewayCpuParts}) into {@code gatewayParts}.
     */
    private static Map<String, ServerFigures> interleaved(LoadGenerator wrk, Map<String, Target> targets, int connections,
            Duration round, int rounds, GatewayCpuParts.Tally gatewayParts) throws Exception {
        Map<String, List<ServerFigures.Round>> measured = new LinkedHashMap<>();
        targets.keySet().forEach(name -> measured.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(targets.keySet());
        for (int r = 0; r < rounds; r++) {
            for (String name : order) {
                Target target = targets.get(name);
                boolean inProcess = target.process().pid() == ProcessHandle.current().pid();
                Map<String, Long> partsBefore = inProcess ? GatewayCpuParts.snapshot() : null;
                long cpuBefore = target.cpuNanos();
                WrkResult result = wrk.run(target.url(), connections, round);
                measured.get(name).add(new ServerFigures.Round(result, target.cpuNanos() - cpuBefore));
                if (inProcess) {
                    gatewayParts.add(partsBefore, GatewayCpuParts.snapshot(), result.requests());
                }
                log.info("{} connections, round {}, {}: {}", connections, r + 1, name, result);
            }
            order = order.reversed();
        }
        Map<String, ServerFigures> figures = new LinkedHashMap<>();
        measured.forEach((name, list) -> figures.put(name, ServerFigures.of(list)));
        return figures;
    }

    private static Process startLimit(Path dir) throws Exception {
        Path model = DemoModels.iris("1").writeTo(dir.resolve("limit")).artifact();
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LimitServer.class.getName(), model.toString(),
                dir.resolve("limit.port").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("limit.log").toFile()).start();
    }

    private static URI limitUri(Path dir) throws Exception {
        Path portFile = dir.resolve("limit.port");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("limit server did not start: " + Files.readString(dir.resolve("limit.log")));
            }
            Thread.sleep(50);
        }
        return URI.create(String.format(Locale.ROOT, "http://127.0.0.1:%s/v2/models/iris/infer",
                Files.readString(portFile).trim()));
    }
}
