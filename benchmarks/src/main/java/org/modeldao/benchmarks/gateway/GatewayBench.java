package org.modeldao.benchmarks.gateway;

import java.time.Duration;
import java.util.Arrays;
import org.modeldao.gateway.GatewayApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway bench: prints the gateway's figures side by side. Not a test: numbers depend on
 * the machine. Bounded to about a minute, 127.0.0.1 only.
 *
 * <p>Arguments: {@code [iterations] [core]} ({@code ./dao bench gateway} and {@code ./dao bench
 * gateway-core}); {@code vs-limit [seconds] [warm-up seconds] [rounds]} ({@code ./dao bench
 * gateway-vs-limit}, see {@link GatewayVsLimitBench}); {@code grpc [seconds] [warm-up seconds] [rounds]}
 * ({@code ./dao bench gateway-grpc}, see {@link GrpcVsHttpBench}); {@code client …} and {@code grpc-client …}
 * are the HTTP and gRPC load generators' processes, started by the benches themselves.
 */
public final class GatewayBench {

    private static final Logger log = LoggerFactory.getLogger(GatewayBench.class);

    /** The first argument of one HTTP client process. */
    static final String CLIENT_COMMAND = "client";

    /** The first argument of the Java load generator's process ({@link JavaLoad}, when wrk is not installed). */
    static final String JAVA_LOAD_COMMAND = "java-load";

    /** The first argument of one gRPC load generator process ({@link GrpcLoadClient}). */
    static final String GRPC_CLIENT_COMMAND = "grpc-client";

    /** The first argument of {@code ./dao bench gateway-grpc} ({@link GrpcVsHttpBench}). */
    static final String GRPC_COMMAND = "grpc";

    /** The first argument of {@code ./dao bench gateway-vs-limit}. */
    static final String VERSUS_LIMIT_COMMAND = "vs-limit";

    /** The first argument of {@code ./dao bench batching} ({@link BatchingBench}). */
    static final String BATCHING_COMMAND = "batching";

    private GatewayBench() {}

    public static void main(String[] args) {
        // the gateway runs in this JVM (ChainHttpBench): with its own JVM settings, DJL offline among them
        GatewayApplication.applyJvmSettings();
        int exit = 0;
        try {
            if (args.length > 0 && args[0].equals(CLIENT_COMMAND)) {
                HttpLoadClient.run(args);
            } else if (args.length > 0 && args[0].equals(JAVA_LOAD_COMMAND)) {
                JavaLoad.run(args);
            } else if (args.length > 0 && args[0].equals(GRPC_CLIENT_COMMAND)) {
                GrpcLoadClient.run(args);
            } else if (args.length > 0 && args[0].equals(GRPC_COMMAND)) {
                GrpcVsHttpBench.run(Arrays.copyOfRange(args, 1, args.length));
            } else if (args.length > 0 && args[0].equals(VERSUS_LIMIT_COMMAND)) {
                GatewayVsLimitBench.run(Arrays.copyOfRange(args, 1, args.length));
            } else if (args.length > 0 && args[0].equals(BATCHING_COMMAND)) {
                BatchingBench.run(Arrays.copyOfRange(args, 1, args.length));
            } else {
                run(args);
            }
        } catch (Exception e) {
            log.error("bench failed", e);
            exit = 1;
        }
        // the gateway's and ONNX Runtime's non-daemon threads would otherwise keep the JVM alive
        System.exit(exit);
    }

    private static void run(String[] args) throws Exception {
        // fewer calls leave the JIT unfinished and the p50 unstable (measured: +17 % at 20,000)
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean coreOnly = args.length > 1 && args[1].equals("core");
        log.info("gateway bench on {} cores, {} iterations", Runtime.getRuntime().availableProcessors(), iterations);
        try (CoreBench core = new CoreBench()) {
            core.governanceOverhead(iterations);
            if (coreOnly) {
                return;
            }
            core.hotSwap(1_000, 100);
            try (ChainHttpBench chain = new ChainHttpBench()) {
                chain.httpThroughput(Duration.ofSeconds(5), core);
                chain.executeToFirstInference();
            }
        }
    }
}
