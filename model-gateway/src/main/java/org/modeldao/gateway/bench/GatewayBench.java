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

    private GatewayBench() {}

    public static void run(String[] args) throws Exception {
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        log.info("gateway bench on {} cores, {} iterations", Runtime.getRuntime().availableProcessors(), iterations);
        try (CoreBench core = new CoreBench()) {
            core.governanceOverhead(iterations);
            core.hotSwap(1_000, 100);
            try (ChainHttpBench chain = new ChainHttpBench()) {
                chain.httpThroughput(Duration.ofSeconds(5), core);
                chain.executeToFirstInference();
            }
        }
    }
}
