package org.modeldao.benchmarks.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dao bench batching [megabytes] [seconds] [predictors]}: what dynamic batching does for a model whose
 * engine run costs more than the call around it. iris runs in microseconds, so its calls almost
 * never wait together (1.01 calls per engine run in gateway-vs-limit); this bench approves a
 * {@link WideModel} of a few MB (the iris signature through a wide dense network, so the same
 * request body) and drives the same gateway with batching off, then on, each in a gateway process
 * of its own ({@link GatewayProcess}: dev chain, every check and the decision log on, the voted rate
 * limit lifted by the approving proposal), with wrk at 1, 8 and 32 connections: req/s, p50, p99,
 * errors, the gateway's CPU per call and the calls per engine run ({@code gateway.batch.calls}).
 */
final class BatchingBench {

    private static final Logger log = LoggerFactory.getLogger(BatchingBench.class);
    private static final int[] CONNECTIONS = {1, 8, 32};
    private static final String INFER = "/v2/models/wide/versions/1/infer";
    private static final Pattern COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");
    private static final Pattern TOTAL = Pattern.compile("\"statistic\":\"TOTAL\",\"value\":([0-9.E]+)");

    private BatchingBench() {}

    static void run(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 8, Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10),
                args.length > 2 ? Integer.parseInt(args[2]) : 0);
    }

    /** One measured round: wrk's figures, the gateway's CPU meanwhile, and how the engine ran the calls. */
    private record Round(WrkResult wrk, double cpuMillisPerCall, double callsPerRun) {}

    /** @param predictors the gateway's predictors per version; 0 for its default */
    private static void run(int megabytes, Duration round, int predictors) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "batching"));
        WideModel.Written model = WideModel.write(dir.resolve("model"), megabytes);
        LoadGenerator wrk = LoadGenerator.available(dir, ChainHttpBench.BODY);
        Map<Boolean, Map<Integer, Round>> measured = new LinkedHashMap<>();
        for (boolean batching : new boolean[] {false, true}) {
            List<String> options = new ArrayList<>(List.of("-Dgateway.serving.batching.enabled=" + batching));
            if (predictors > 0) {
                options.add("-Dgateway.serving.predictors-per-version=" + predictors);
            }
            try (GatewayProcess gateway = new GatewayProcess(Files.createTempDirectory("batching-gateway"), options)) {
                gateway.pass("Approve the wide model v1, current and public", List.of(
                        gateway.approve("wide", "1", model.artifactSha256(), model.artifact(), model.cardSha256(), model.card()),
                        gateway.current("wide", "1"), gateway.publicUnlimited("wide")));
                awaitServed(gateway);
                URI url = gateway.uri(INFER);
                log.info("batching {}: warm-up 20 s at 8 connections: {}", batching, wrk.run(url, 8, Duration.ofSeconds(20)));
                Map<Integer, Round> rounds = new LinkedHashMap<>();
                for (int connections : CONNECTIONS) {
                    Round r = measure(gateway, wrk, url, connections, round);
                    log.info(String.format(Locale.ROOT, "batching %s, %d connections: %s; CPU %.3f ms/call; %.2f calls per run",
                            batching, connections, r.wrk(), r.cpuMillisPerCall(), r.callsPerRun()));
                    rounds.put(connections, r);
                }
                measured.put(batching, rounds);
            }
        }
        log.info(table(measured, model, round, predictors));
    }

    private static void awaitServed(GatewayProcess gateway) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int status;
        while ((status = gateway.post(INFER, ChainHttpBench.BODY).status()) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("wide v1 not served 5 minutes after approval (last status " + status
                        + "); gateway log: " + gateway.log());
            }
            Thread.sleep(20);
        }
    }

    private static Round measure(GatewayProcess gateway, LoadGenerator wrk, URI url, int connections, Duration round)
            throws Exception {
        double[] before = batchCalls(gateway);
        long cpuBefore = cpuNanos(gateway);
        WrkResult result = wrk.run(url, connections, round);
        long cpu = cpuNanos(gateway) - cpuBefore;
        double[] after = batchCalls(gateway);
        double runs = after[0] - before[0];
        return new Round(result, result.requests() == 0 ? 0 : cpu / 1e6 / result.requests(),
                runs == 0 ? 0 : (after[1] - before[1]) / runs);
    }

    private static long cpuNanos(GatewayProcess gateway) {
        return ProcessHandle.of(gateway.pid()).orElseThrow().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** {engine runs, calls} so far, from the actuator (loopback may read it); zeros while batching is off. */
    private static double[] batchCalls(GatewayProcess gateway) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> metric = http.send(HttpRequest.newBuilder(gateway.uri("/actuator/metrics/gateway.batch.calls"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (metric.statusCode() == 404) {
                return new double[] {0, 0};
            }
            Matcher count = COUNT.matcher(metric.body());
            Matcher total = TOTAL.matcher(metric.body());
            if (metric.statusCode() != 200 || !count.find() || !total.find()) {
                throw new IllegalStateException("gateway.batch.calls unreadable: " + metric.statusCode() + " " + metric.body());
            }
            return new double[] {Double.parseDouble(count.group(1)), Double.parseDouble(total.group(1))};
        }
    }

    private static String table(Map<Boolean, Map<Integer, Round>> measured, WideModel.Written model, Duration round,
            int predictors) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%n[batching] wide model %.1f MB, %s predictors per version, wrk on 127.0.0.1, one %d s "
                + "round per connection count after a 20 s warm-up, each mode in a gateway process of its own",
                model.artifactBytes() / 1e6, predictors > 0 ? Integer.toString(predictors) : "the default", round.toSeconds()));
        lines.add("| conn | req/s off / on | on/off | p50 off / on ms | p99 off / on ms | errors off / on "
                + "| CPU ms/call off / on | calls per engine run (on) |");
        lines.add("|---|---|---|---|---|---|---|---|");
        for (int connections : CONNECTIONS) {
            Round off = measured.get(false).get(connections);
            Round on = measured.get(true).get(connections);
            lines.add(String.format(Locale.ROOT, "| %d | %,.0f / %,.0f | %.2f | %.2f / %.2f | %.2f / %.2f | %d / %d | %.3f / %.3f | %.2f |",
                    connections, off.wrk().requestsPerSecond(), on.wrk().requestsPerSecond(),
                    on.wrk().requestsPerSecond() / off.wrk().requestsPerSecond(), off.wrk().p50Millis(), on.wrk().p50Millis(),
                    off.wrk().p99Millis(), on.wrk().p99Millis(), off.wrk().errors(), on.wrk().errors(),
                    off.cpuMillisPerCall(), on.cpuMillisPerCall(), on.callsPerRun()));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
