package org.modeldao.benchmarks.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dao bench many-versions [versions] [seconds] [connections]}: the gateway (a process of
 * its own, {@link GatewayProcess}) with one approved iris version loaded, then with {@code versions}
 * (default 100) loaded at once, all approved by executed proposals. Measured: heap after a full GC
 * and RSS with 1 and with all loaded (the difference per version), the time until all are ready,
 * and inference on version 1 under the same load generator as the other HTTP benches (wrk when
 * installed, else {@link JavaLoad}) with 1 and with all loaded: req/s, p50, p99, errors.
 */
public final class ManyVersionsBench {

    private static final Logger log = LoggerFactory.getLogger(ManyVersionsBench.class);
    /** Approvals per proposal: a proposal's execution is one transaction, within the dev chain's block gas limit. */
    private static final int APPROVALS_PER_PROPOSAL = 20;
    private static final Pattern LOAD_LINE = Pattern.compile(
            "iris/\\d+: \\d+-byte artifact fetched, hashed and copied in (\\d+) ms; checked and loaded by the engine in (\\d+) ms");

    private ManyVersionsBench() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int exit = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 100, Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20),
                    args.length > 2 ? Integer.parseInt(args[2]) : 8);
        } catch (Exception e) {
            log.error("bench failed", e);
            exit = 1;
        }
        System.exit(exit); // the dev chain client's threads would keep the JVM alive
    }

    private static void run(int versions, Duration round, int connections) throws Exception {
        Path dir = Files.createTempDirectory("many-versions");
        // the two iris artifacts, alternating: each version is its own engine session whatever the bytes
        List<DemoModel> demos = List.of(DemoModels.iris("1"), DemoModels.iris("2"));
        List<DemoModel.WrittenFiles> files = List.of(demos.get(0).writeTo(dir.resolve("1")), demos.get(1).writeTo(dir.resolve("2")));
        LoadGenerator load = LoadGenerator.available(dir, ChainHttpBench.BODY);
        try (GatewayProcess gateway = new GatewayProcess(Files.createDirectories(dir.resolve("gateway")), List.of())) {
            URI infer = gateway.uri("/v2/models/iris/versions/1/infer");
            gateway.pass("Approve iris v1, public", List.of(approval(gateway, demos, files, 1), gateway.current("iris", "1"),
                    gateway.publicUnlimited("iris")));
            awaitReady(gateway, 1, 1, Duration.ofMinutes(2));
            log.info("warm-up, 1 version loaded, {} connections, 30 s: {}", connections, load.run(infer, connections, Duration.ofSeconds(30)));
            long heapOne = gateway.heapUsedAfterGcKb();
            long rssOne = gateway.rssKb();
            WrkResult one = load.run(infer, connections, round);
            log.info("1 version loaded: {}", one);

            long started = System.nanoTime();
            for (int from = 2; from <= versions; from += APPROVALS_PER_PROPOSAL) {
                List<ProposalCall> calls = new ArrayList<>();
                for (int v = from; v < Math.min(versions + 1, from + APPROVALS_PER_PROPOSAL); v++) {
                    calls.add(approval(gateway, demos, files, v));
                }
                gateway.pass("Approve iris v" + from + "–v" + (from + calls.size() - 1), calls);
            }
            long executed = System.nanoTime();
            awaitReady(gateway, 1, versions, Duration.ofMinutes(10));
            long ready = System.nanoTime();
            long[] loadMillis = loadTimes(gateway);

            log.info("warm-up, {} versions loaded, 10 s: {}", versions, load.run(infer, connections, Duration.ofSeconds(10)));
            long heapAll = gateway.heapUsedAfterGcKb();
            long rssAll = gateway.rssKb();
            WrkResult all = load.run(infer, connections, round);
            log.info("{} versions loaded: {}", versions, all);

            int added = versions - 1;
            log.info(String.format(Locale.ROOT, "%n[many] %d versions of iris (the 2 demo artifacts alternating), approved by executed "
                            + "proposals of %d approvals; load generator %s, %d connections, %d s per figure%n"
                            + "[many] time to load all: %.1f s from the first proposal's start (%.1f s of it passing %d proposals), "
                            + "%.1f s after the last execution; per version fetch+hash+copy median %d ms, check+engine load median %d ms, max %d ms%n"
                            + "[many] heap used after a full GC: %.1f MB with 1, %.1f MB with %d → %.2f MB per version%n"
                            + "[many] RSS: %.0f MB with 1, %.0f MB with %d → %.2f MB per version%n"
                            + "[many] version 1 under load with 1 loaded:   %s%n"
                            + "[many] version 1 under load with %d loaded: %s%n"
                            + "[many] p99 ratio %d/1: %.2f, p50 ratio %.2f, req/s ratio %.2f",
                    versions, APPROVALS_PER_PROPOSAL, load.getClass().getSimpleName(), connections, round.toSeconds(),
                    (ready - started) / 1e9, (executed - started) / 1e9, (added + APPROVALS_PER_PROPOSAL - 1) / APPROVALS_PER_PROPOSAL,
                    (ready - executed) / 1e9, loadMillis[0], loadMillis[1], loadMillis[2],
                    heapOne / 1024.0, heapAll / 1024.0, versions, (heapAll - heapOne) / 1024.0 / added,
                    rssOne / 1024.0, rssAll / 1024.0, versions, (rssAll - rssOne) / 1024.0 / added,
                    one, versions, all, versions, all.p99Millis() / one.p99Millis(), all.p50Millis() / one.p50Millis(),
                    all.requestsPerSecond() / one.requestsPerSecond()));
        }
    }

    private static ProposalCall approval(GatewayProcess gateway, List<DemoModel> demos, List<DemoModel.WrittenFiles> files, int version) {
        int which = (version - 1) % 2;
        DemoModel demo = demos.get(which);
        return gateway.approve("iris", Integer.toString(version), demo.artifactSha256(), files.get(which).artifact(),
                demo.cardSha256(), files.get(which).card());
    }

    /** Waits until versions {@code from}..{@code to} all say ready. */
    private static void awaitReady(GatewayProcess gateway, int from, int to, Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + limit.toNanos();
        int next = from;
        while (next <= to) {
            String body = http.send(HttpRequest.newBuilder(gateway.uri("/v2/models/iris/versions/" + next + "/ready"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.replace(" ", "").contains("\"ready\":true")) {
                next++;
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("version " + next + " not ready after " + limit + ": " + body
                        + "; gateway log: " + gateway.log());
            }
            Thread.sleep(20);
        }
    }

    /** Medians of the two load phases and the longest engine load, from the gateway's own log lines. */
    private static long[] loadTimes(GatewayProcess gateway) throws Exception {
        Matcher m = LOAD_LINE.matcher(Files.readString(gateway.log()));
        List<Long> fetch = new ArrayList<>();
        List<Long> engine = new ArrayList<>();
        while (m.find()) {
            fetch.add(Long.parseLong(m.group(1)));
            engine.add(Long.parseLong(m.group(2)));
        }
        if (fetch.isEmpty()) {
            throw new IllegalStateException("the gateway logged no load timings: " + gateway.log());
        }
        fetch.sort(null);
        engine.sort(null);
        return new long[] {fetch.get(fetch.size() / 2), engine.get(engine.size() / 2), engine.getLast()};
    }
}
