package org.modeldao.benchmarks.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modeldao.contracts.devchain.DevGovernance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dao bench large-artifact [megabytes] [gateway JVM options…]}: a large ONNX model
 * ({@link WideModel}, default 210 MB, written at bench time into {@code benchmarks/target}) is
 * approved by an executed proposal; measured: time from the execution's receipt to the first
 * answer, split into fetch + hash + private copy, check + engine load (from the gateway's own log
 * line) and the first inference, then the gateway's heap after a full GC and its RSS, before and
 * after. The gateway runs in a process of its own ({@link GatewayProcess}).
 */
public final class LargeArtifactBench {

    private static final Logger log = LoggerFactory.getLogger(LargeArtifactBench.class);
    private static final Pattern LOAD_LINE = Pattern.compile(
            "wide/1: (\\d+)-byte artifact fetched, hashed and copied in (\\d+) ms; checked and loaded by the engine in (\\d+) ms");

    private LargeArtifactBench() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int exit = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 210, Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        } catch (Exception e) {
            log.error("bench failed", e);
            exit = 1;
        }
        System.exit(exit); // the dev chain client's threads would keep the JVM alive
    }

    private static void run(int megabytes, List<String> gatewayJvmOptions) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "large-artifact"));
        long started = System.nanoTime();
        WideModel.Written model = WideModel.write(dir.resolve("model"), megabytes);
        log.info(String.format(Locale.ROOT, "[large] wrote %s: %.1f MB in %.1f s", model.artifact(),
                model.artifactBytes() / 1e6, (System.nanoTime() - started) / 1e9));
        try (GatewayProcess gateway = new GatewayProcess(Files.createTempDirectory("large-artifact-gateway"), gatewayJvmOptions)) {
            long heapBefore = gateway.heapUsedAfterGcKb();
            long rssBefore = gateway.rssKb();
            DevGovernance.PassedProposal passed = gateway.pass("Approve the wide model v1, current and public", List.of(
                    gateway.approve("wide", "1", model.artifactSha256(), model.artifact(), model.cardSha256(), model.card()),
                    gateway.current("wide", "1"), gateway.publicUnlimited("wide")));
            long executed = System.nanoTime();
            GatewayProcess.Answer first;
            int refused = 0;
            while ((first = gateway.post("/v2/models/wide/versions/1/infer", ChainHttpBench.BODY)).status() != 200) {
                refused++;
                if (System.nanoTime() - executed > 600e9) {
                    throw new IllegalStateException("no answer 10 minutes after approval; last status " + first.status()
                            + "; gateway log: " + gateway.log());
                }
                Thread.sleep(5);
            }
            long answered = System.nanoTime();
            Matcher load = LOAD_LINE.matcher(Files.readString(gateway.log()));
            if (!load.find()) {
                throw new IllegalStateException("the gateway logged no load timing for wide v1: " + gateway.log());
            }
            double[] warm = new double[20];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = gateway.post("/v2/models/wide/versions/1/infer", ChainHttpBench.BODY).nanos() / 1e6;
            }
            Arrays.sort(warm);
            long heapAfter = gateway.heapUsedAfterGcKb();
            long rssAfter = gateway.rssKb();
            double total = (answered - executed) / 1e6;
            long fetch = Long.parseLong(load.group(2));
            long engine = Long.parseLong(load.group(3));
            double firstCall = first.nanos() / 1e6;
            log.info(String.format(Locale.ROOT, "%n[large] artifact %.1f MB (sha256 %s…), gateway JVM options %s%n"
                            + "[large] proposal executed in block %s → first 200 after %.0f ms (%d refused tries while loading):%n"
                            + "[large]   fetch + sha256 + private copy %d ms, check + engine load %d ms, first inference %.0f ms,"
                            + " chain follow and the rest %.0f ms%n"
                            + "[large]   then 20 calls one at a time: median %.1f ms, max %.1f ms%n"
                            + "[large] gateway heap used after a full GC: %.0f MB before, %.0f MB after (+%.0f MB)%n"
                            + "[large] gateway RSS: %.0f MB before, %.0f MB after (+%.0f MB)",
                    model.artifactBytes() / 1e6, model.artifactSha256().substring(0, 12), gatewayJvmOptions.isEmpty()
                            ? "(defaults)" : gatewayJvmOptions, passed.execution().getBlockNumber(), total, refused,
                    fetch, engine, firstCall, total - fetch - engine - firstCall, warm[warm.length / 2], warm[warm.length - 1],
                    heapBefore / 1024.0, heapAfter / 1024.0, (heapAfter - heapBefore) / 1024.0,
                    rssBefore / 1024.0, rssAfter / 1024.0, (rssAfter - rssBefore) / 1024.0));
        }
    }
}
