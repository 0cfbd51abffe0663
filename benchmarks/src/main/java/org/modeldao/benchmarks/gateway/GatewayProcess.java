package org.modeldao.benchmarks.gateway;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.gateway.GatewayApplication;
import org.web3j.crypto.Credentials;

/**
 * The whole gateway in a process of its own, following a DAO on a Hardhat dev chain that this
 * JVM governs: its heap and resident set are then the gateway's alone (the scale benches measure
 * them). Approvals are executed proposals, as in {@link ChainHttpBench}; every check and the
 * decision log are on.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Path dir;
    private final DevChain chain = DevChain.start();
    private final DevGovernance governance;
    private final RegistryActions actions;
    private final List<Credentials> members;
    private final Process gateway;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param jvmOptions options of the gateway's JVM (e.g. {@code -Xmx512m}), besides the offline ones */
    GatewayProcess(Path dir, List<String> jvmOptions) throws Exception {
        this.dir = dir;
        BenchDao dao = BenchDao.deploy(chain, dir);
        governance = dao.governance();
        actions = dao.actions();
        members = dao.members();
        Path descriptor = dao.descriptor();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayApplication.class.getName(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                // the gateway's default kind of decision log, an H2 file: in memory, every entry served during the
                // bench stayed on the heap, and many-versions counted them as memory of the versions loaded
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("decisions") + ";AUTO_SERVER=FALSE",
                "--gateway.chain.deployment-file=" + descriptor, "--gateway.chain.poll-interval=20ms",
                "--gateway.chain.state-file=" + dir.resolve("state.json"),
                "--gateway.sources.allow-file=true")); // the bench votes file: URIs of the files it wrote
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        gateway = builder.start();
        base = "http://127.0.0.1:" + port;
        awaitLive();
    }

    Path log() {
        return dir.resolve("gateway.log");
    }

    long pid() {
        return gateway.pid();
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** One voted proposal, passed and executed by the members; returns when its execution is mined. */
    DevGovernance.PassedProposal pass(String description, List<ProposalCall> calls) {
        return governance.pass(members.getFirst(), members, new GovernanceProposal(calls, description));
    }

    ProposalCall approve(String model, String version, String artifactSha256, Path artifact, String cardSha256, Path card) {
        return actions.approveVersion(new ModelRegistry.VersionSubmission(model, version,
                HexFormat.of().parseHex(artifactSha256), artifact.toUri().toString(),
                HexFormat.of().parseHex(cardSha256), card.toUri().toString(), "onnx"));
    }

    ProposalCall current(String model, String version) {
        return actions.setCurrentVersion(model, version);
    }

    /** Public, with the voted rate limit lifted (4,000,000,000 a minute): every other check stays on. */
    ProposalCall publicUnlimited(String model) {
        return actions.setAccessPolicy(model, new ModelRegistry.AccessPolicy(RegistryKinds.PolicyKind.PUBLIC.code(),
                BigInteger.ZERO, BigInteger.valueOf(4_000_000_000L), BigInteger.valueOf(16), List.of()));
    }

    /** Status of one POST and how long it took, in nanoseconds. */
    record Answer(int status, long nanos) {}

    Answer post(String path, String body) throws IOException, InterruptedException {
        long started = System.nanoTime();
        int status = http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        return new Answer(status, System.nanoTime() - started);
    }

    /** The gateway's heap in use right after a full collection it was asked for (jcmd), in KiB. */
    long heapUsedAfterGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no 'used': " + jcmd("GC.heap_info"));
        }
        return Long.parseLong(used.group(1));
    }

    /** The gateway's resident set (VmRSS: heap, ONNX Runtime's native memory, code, stacks), in KiB. */
    long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(gateway.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(gateway.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private void awaitLive() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited: " + Files.readString(log()));
            }
            try {
                int status = http.send(HttpRequest.newBuilder(uri("/v2/health/live")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not start in 3 minutes: " + Files.readString(log()));
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        gateway.destroy();
        if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
            gateway.destroyForcibly();
        }
        chain.close();
    }
}
