package org.modeldao.gateway.bench;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench} command: prints the gateway's figures side by side. Not a test: numbers
 * depend on the machine. Bounded to about a minute, 127.0.0.1 only.
 */
public final class GatewayBench {

    private static final Logger log = LoggerFactory.getLogger(GatewayBench.class);

    /** The command of one HTTP client process, started by the bench itself. */
    public static final String CLIENT_COMMAND = "bench-client";

    private GatewayBench() {}

    /** {@code bench-client …}: one of the HTTP part's client processes. */
    public static void runClient(String[] args) throws Exception {
        HttpLoadClient.run(args);
    }

    public static void run(String[] args) throws Exception {
        // fewer calls leave the JIT unfinished and the p50 unstable (measured: +17 % at 20,000)
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        boolean coreOnly = args.length > 2 && args[2].equals("core");
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
