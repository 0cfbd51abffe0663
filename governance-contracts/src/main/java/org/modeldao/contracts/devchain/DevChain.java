package org.modeldao.contracts.devchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A local Ethereum node for development and tests: Hardhat 2 started as a child process
 * on a free loopback port (chain id 31337, cancun, automine, twenty funded dev accounts).
 *
 * <p>There is no in-process Java EVM on Maven Central, so the node is Hardhat run by the
 * machine's {@code node} — started directly (not through npx, whose wrapper would survive
 * a kill). Time travel is explicit ({@link #mine}, {@link #increaseTime}) so tests skip
 * voting periods and timelock delays instead of waiting for them.
 */
public final class DevChain implements AutoCloseable {

    public static final long CHAIN_ID = 31337;
    private static final Logger log = LoggerFactory.getLogger(DevChain.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path logFile;
    private final String rpcUrl;
    private final long chainId;
    private final HttpService service;
    private final Web3j web3j;
    /**
     * Stops the node when the JVM exits without {@link #close()}: a bench or test that failed before it
     * could close left Hardhat running, one node process per failed run.
     */
    private final Thread stopOnExit;

    private DevChain(Process process, Path logFile, String rpcUrl, long chainId) {
        this.process = process;
        this.logFile = logFile;
        this.rpcUrl = rpcUrl;
        this.chainId = chainId;
        this.service = new HttpService(rpcUrl);
        this.web3j = Web3j.build(service);
        this.stopOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }, "dev-chain-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts a node from the Hardhat project found by {@link ContractsProject#locate()}. */
    public static DevChain start() {
        return start(ContractsProject.locate());
    }

    /** Starts a node from the given Hardhat project folder (where hardhat.config.cjs lives), on a free port. */
    public static DevChain start(Path hardhatProject) {
        return start(hardhatProject, 0);
    }

    /**
     * Starts a node on {@code port} (0 = any free port). A fixed port such as 8545 lets a
     * browser wallet keep its network setting across runs.
     */
    public static DevChain start(Path hardhatProject, int requestedPort) {
        return start(hardhatProject, requestedPort, CHAIN_ID);
    }

    /**
     * Starts a node that answers {@code eth_chainId} with {@code chainId} — to test what must
     * happen only off the dev chain (e.g. the deployer's refusal of dev keys) against a real node.
     * Hardhat 2 takes the chain id from its config, which reads {@code MODELDAO_DEVCHAIN_CHAIN_ID}.
     */
    public static DevChain start(Path hardhatProject, int requestedPort, long chainId) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive: " + chainId);
        }
        if (requestedPort < 0 || requestedPort > 65_535) {
            throw new IllegalArgumentException("port out of range: " + requestedPort);
        }
        Path bootstrap = hardhatProject.resolve("node_modules/hardhat/internal/cli/bootstrap.js");
        if (!Files.isRegularFile(bootstrap)) {
            throw new DevChainException("Hardhat is not installed in " + hardhatProject
                    + ": run `npm install` there (the Maven build of governance-contracts does it)");
        }
        if (requestedPort != 0 && !isPortFree(requestedPort)) {
            // another node there would answer our readiness probe in our node's place
            throw new DevChainException("port " + requestedPort + " is already in use");
        }
        int port = requestedPort == 0 ? freePort() : requestedPort;
        try {
            Path logFile = Files.createTempFile("devchain-" + port + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    nodeExecutable(), bootstrap.toString(), "node", "--hostname", "127.0.0.1", "--port", String.valueOf(port))
                    .directory(hardhatProject.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("MODELDAO_DEVCHAIN_CHAIN_ID", String.valueOf(chainId));
            Process process = builder.start();
            DevChain chain = new DevChain(process, logFile, "http://127.0.0.1:" + port, chainId);
            chain.awaitReady();
            log.info("Dev chain started at {} (pid {}, log {})", chain.rpcUrl, process.pid(), logFile);
            return chain;
        } catch (IOException e) {
            throw new DevChainException("could not start the dev chain node: " + e.getMessage(), e);
        }
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return chainId;
    }

    public Web3j web3j() {
        return web3j;
    }

    /** The node's funded, unlocked accounts, with keys (well known: never use them elsewhere). */
    public List<Credentials> accounts() {
        return DevAccounts.all();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mines {@code blocks} empty blocks at once. */
    public void mine(long blocks) {
        call("hardhat_mine", List.of("0x" + BigInteger.valueOf(blocks).toString(16)));
    }

    /** Moves the chain's clock forward and mines a block, so the new time is visible. */
    public void increaseTime(Duration duration) {
        call("evm_increaseTime", List.of(duration.toSeconds()));
        call("evm_mine", List.of());
    }

    /** Turns automine off and mines a block every {@code interval} (0 turns interval mining off). */
    public void setIntervalMining(Duration interval) {
        call("evm_setIntervalMining", List.of(interval.toMillis()));
    }

    public void setAutomine(boolean enabled) {
        call("evm_setAutomine", List.of(enabled));
    }

    /** Records the chain state; {@link #revert(String)} returns to it (once). */
    public String snapshot() {
        return String.valueOf(call("evm_snapshot", List.of()));
    }

    public boolean revert(String snapshotId) {
        return Boolean.TRUE.equals(call("evm_revert", List.of(snapshotId)));
    }

    private Object call(String method, List<?> params) {
        try {
            RawResponse response = new Request<>(method, params, service, RawResponse.class).send();
            if (response.hasError()) {
                throw new DevChainException(method + " failed: " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new DevChainException(method + " failed: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DevChainException("the dev chain node exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                web3j.ethChainId().send();
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(100));
            }
        }
        close();
        throw new DevChainException("the dev chain node did not answer within " + START_TIMEOUT + ": " + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the node process (and any child it started) and waits until it is gone. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // closed from another shutdown hook: the JVM runs ours too, which is harmless
        }
        web3j.shutdown();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private static String nodeExecutable() {
        return System.getProperty("modeldao.node", "node");
    }

    /** True when nothing listens on the loopback port yet. */
    public static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevChainException("no free port: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevChainException("interrupted while waiting for the dev chain", e);
        }
    }

    /** A JSON-RPC response whose result is kept as whatever JSON value the node sent. */
    public static final class RawResponse extends Response<Object> {
    }
}
