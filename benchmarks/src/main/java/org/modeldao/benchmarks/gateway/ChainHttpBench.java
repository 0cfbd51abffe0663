package org.modeldao.benchmarks.gateway;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GatewayApplication;
import org.modeldao.gateway.grpc.GrpcServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;

/** The whole gateway over HTTP, following a DAO on a Hardhat dev chain. */
final class ChainHttpBench implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainHttpBench.class);
    /** The OIP v2 request every HTTP bench sends (the limit endpoint answers the same). */
    static final String BODY = """
            {"id": "bench", "inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""";

    /** The gateway's own default chain poll ({@code gateway.chain.poll-interval}). */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private final Path dir = Files.createTempDirectory("gateway-chain-bench");
    private final DevChain chain = DevChain.start();
    private final DevGovernance governance;
    private final RegistryActions actions;
    private final List<Credentials> members;
    private final ConfigurableApplicationContext app;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * A gateway that polls the chain every 20 ms: right for measuring execute → first inference,
     * where the poll interval is part of what is measured.
     */
    ChainHttpBench() throws Exception {
        this(Duration.ofMillis(20));
    }

    /**
     * @param pollInterval the gateway's chain poll. Throughput benches pass the gateway's default
     *     (1 s): a 20 ms poll keeps the dev chain (a node process) and the gateway's sync busy
     *     while wrk measures, and the gateway-vs-limit profile found that poll to be 30 % of the
     *     gateway JVM's samples — a cost of the bench's set-up, not of serving, that the limit
     *     endpoint does not pay.
     */
    ChainHttpBench(Duration pollInterval) throws Exception {
        BenchDao dao = BenchDao.deploy(chain, dir);
        governance = dao.governance();
        actions = dao.actions();
        members = dao.members();
        Path descriptor = dao.descriptor();
        // command-line arguments: they outrank application.yml. The decision log is the default's, an H2
        // file (in this bench's folder): in memory, every entry stayed on the heap, and each young GC copied
        // the entries written since the one before (22 MB a collection, pauses of 65 ms at the median)
        app = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("decisions") + ";AUTO_SERVER=FALSE",
                "--gateway.chain.deployment-file=" + descriptor, "--gateway.chain.poll-interval=" + pollInterval.toMillis() + "ms",
                "--gateway.chain.state-file=" + dir.resolve("state.json"),
                "--gateway.serving.queue-capacity=256",
                "--gateway.grpc.port=0", // OIP over gRPC too, for GrpcVsHttpBench
                "--gateway.sources.allow-file=true"); // the bench votes file: URIs of the files it wrote
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /**
     * What the gateway's dynamic batching did so far: engine runs and calls per run
     * ({@code gateway.batch.calls}), or that it is off.
     */
    String batchFigures() {
        var summaries = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("gateway.batch.calls").summaries();
        long runs = summaries.stream().mapToLong(s -> s.count()).sum();
        double calls = summaries.stream().mapToDouble(s -> s.totalAmount()).sum();
        double max = summaries.stream().mapToDouble(s -> s.max()).max().orElse(0);
        return String.format(Locale.ROOT, "batching %s, max delay %s: %,d engine runs for %,.0f calls, %.2f calls per run"
                        + " (largest in the last 2 min: %.0f)",
                app.getEnvironment().getProperty("gateway.serving.batching.enabled", "true"),
                app.getEnvironment().getProperty("gateway.serving.batching.max-delay", "0ms"),
                runs, calls, runs == 0 ? 0 : calls / runs, max);
    }

    /** The port the gateway's OIP gRPC endpoint listens on. */
    int grpcPort() {
        return app.getBean(GrpcServer.class).port();
    }

    private DevGovernance.PassedProposal pass(String description, ProposalCall... calls) {
        return governance.pass(members.getFirst(), members, new GovernanceProposal(List.of(calls), description));
    }

    private ProposalCall approve(String version) {
        DemoModel demo = DemoModels.iris(version);
        DemoModel.WrittenFiles files = demo.writeTo(dir.resolve(version));
        return actions.approveVersion(new ModelRegistry.VersionSubmission("iris", version,
                HexFormat.of().parseHex(demo.artifactSha256()), files.artifact().toUri().toString(),
                HexFormat.of().parseHex(demo.cardSha256()), files.card().toUri().toString(), "onnx"));
    }

    int post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * Approves v1 (current, public, unlimited rate), then measures 2 HTTP clients, each its own
     * process calling one at a time over keep-alive, against the raw predictor loop.
     */
    void httpThroughput(Duration duration, CoreBench core) throws Exception {
        approveIrisUnlimited();
        // 10 s of the clients' warm-up calls first: with less, the gateway's JIT is still compiling
        // the web stack during the measured window and takes a core from it
        HttpLoadClient.Result http = HttpLoadClient.runClients(2, URI.create(base + "/v2/models/iris/infer"), BODY,
                duration, Duration.ofSeconds(10), dir);
        Latencies raw = core.rawLoop(duration);
        Latencies calls = http.latencies();
        double seconds = duration.toNanos() / 1e9;
        log.info(String.format(Locale.ROOT, "%n[http] POST /v2/models/iris/infer, 2 client processes on 127.0.0.1 "
                        + "(keep-alive, one call at a time each), %d s: %.0f req/s  p50 %.2f ms  p99 %.2f ms  "
                        + "(n=%d, errors %d)%n"
                        + "[http] CPU in that window, of %d cores: gateway JVM %.2f, the 2 clients %.2f%n"
                        + "[http] raw predictor loop, 1 thread, %d s:  %.0f pred/s  p50 %.3f ms  p99 %.3f ms%n"
                        + "[http] throughput ratio http/raw %.3f, p50 ratio %.1fx",
                duration.toSeconds(), calls.count() / seconds, calls.percentileMicros(50) / 1000,
                calls.percentileMicros(99) / 1000, calls.count(), http.errors(),
                Runtime.getRuntime().availableProcessors(), http.thisJvmCpu().toNanos() / 1e9 / seconds,
                http.clientCpu().toNanos() / 1e9 / seconds, duration.toSeconds(),
                raw.count() / seconds, raw.percentileMicros(50) / 1000, raw.percentileMicros(99) / 1000,
                calls.count() / (double) raw.count(), calls.percentileMicros(50) / raw.percentileMicros(50)));
    }

    /**
     * Passes and executes a proposal making iris v1 current and public with its voted rate limit
     * lifted (4,000,000,000 requests per minute): the bench measures the gateway with every check it runs in
     * production, only the limit's value changed, the way a DAO would change it. Returns the
     * {@code /infer} URI once the gateway follows the chain and answers 200.
     */
    URI approveIrisUnlimited() throws Exception {
        pass("Approve iris v1 as current, public", approve("1"), actions.setCurrentVersion("iris", "1"),
                actions.setAccessPolicy("iris", new ModelRegistry.AccessPolicy(RegistryKinds.PolicyKind.PUBLIC.code(),
                        BigInteger.ZERO, BigInteger.valueOf(4_000_000_000L), BigInteger.valueOf(16), List.of())));
        while (post("/v2/models/iris/infer") != 200) {
            Thread.sleep(10);
        }
        return URI.create(base + "/v2/models/iris/infer");
    }

    /** Time from the executing transaction's receipt to the first 200 from the newly approved version. */
    void executeToFirstInference() throws Exception {
        DevGovernance.PassedProposal passed = pass("Approve iris v2", approve("2"));
        long executed = System.nanoTime();
        int attempts = 0;
        while (post("/v2/models/iris/versions/2/infer") != 200) {
            attempts++;
            Thread.sleep(1);
        }
        log.info(String.format(Locale.ROOT, "%n[execute→infer] proposal %s executed in block %s; first 200 from v2 after "
                        + "%.0f ms (%d refused tries; poll interval 20 ms, includes hash check and model load)",
                passed.proposalId().toString().substring(0, 12) + "…", passed.execution().getBlockNumber(),
                (System.nanoTime() - executed) / 1e6, attempts));
    }

    @Override
    public void close() {
        app.close();
        chain.close();
    }
}
