package org.modeldao.benchmarks.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One HTTP client of the bench, in a process of its own ({@code GatewayBench client …}): a
 * client inside the gateway's JVM shares its heap, safepoints and scheduler and measured the
 * JVM's crowding rather than the gateway (p50 3.3 ms there against 1.3 ms for the same client
 * from another process). Keep-alive, one call at a time, as a calling app would.
 *
 * <p>Warms up until {@code startAtMillis} (epoch), so that the clients' measured windows
 * coincide, then measures for the duration and writes the error count, the CPU time this
 * process used meanwhile, and every latency in nanoseconds, one per line, to the output file.
 */
final class HttpLoadClient {

    private HttpLoadClient() {}

    /** {@code client <url> <json body file> <startAtMillis> <seconds> <output file>} */
    static void run(String[] args) throws Exception {
        URI url = URI.create(args[1]);
        String body = Files.readString(Path.of(args[2]));
        long startAt = Long.parseLong(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (System.currentTimeMillis() < startAt) {
            call(http, request);
        }
        Latencies latencies = new Latencies();
        long errors = 0;
        long cpuBefore = cpuNanos();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            if (!call(http, request)) {
                errors++;
            }
            latencies.add(System.nanoTime() - t0);
        }
        List<String> lines = new ArrayList<>();
        lines.add(Long.toString(errors));
        lines.add(Long.toString(cpuNanos() - cpuBefore));
        lines.addAll(latencies.nanos().mapToObj(Long::toString).collect(Collectors.toList()));
        Files.write(Path.of(args[5]), lines);
    }

    private static boolean call(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * What the clients measured together, the CPU time they used for it, and the CPU time this
     * JVM (the gateway's) used in the same window.
     */
    record Result(Latencies latencies, long errors, Duration clientCpu, Duration thisJvmCpu) {}

    /**
     * Starts {@code clients} client processes (this JVM's java and class path) against
     * {@code url}, all measuring the same window, and merges what they measured.
     */
    static Result runClients(int clients, URI url, String body, Duration duration, Duration warmUp, Path dir)
            throws IOException, InterruptedException {
        Path bodyFile = Files.writeString(dir.resolve("bench-body.json"), body);
        long startAt = System.currentTimeMillis() + warmUp.toMillis();
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Path output = dir.resolve("bench-client-" + c + ".txt");
            outputs.add(output);
            List<String> command = new ArrayList<>(launcher());
            command.addAll(List.of(GatewayBench.CLIENT_COMMAND, url.toString(), bodyFile.toString(),
                    Long.toString(startAt), Long.toString(duration.toSeconds()), output.toString()));
            processes.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
        long ownCpuBefore = cpuNanos();
        Thread.sleep(duration.toMillis());
        long ownCpu = cpuNanos() - ownCpuBefore;
        Latencies merged = new Latencies();
        long errors = 0;
        long cpu = 0;
        for (int c = 0; c < clients; c++) {
            Process process = processes.get(c);
            if (!process.waitFor(warmUp.plus(duration).toSeconds() + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bench client " + c + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bench client " + c + " failed with exit " + process.exitValue());
            }
            List<String> lines = Files.readAllLines(outputs.get(c));
            errors += Long.parseLong(lines.get(0));
            cpu += Long.parseLong(lines.get(1));
            lines.subList(2, lines.size()).forEach(line -> merged.add(Long.parseLong(line)));
        }
        return new Result(merged, errors, Duration.ofNanos(cpu), Duration.ofNanos(ownCpu));
    }

    /** The same java and class path as this JVM, running {@link GatewayBench}'s client command. */
    private static List<String> launcher() {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new UncheckedIOException(new IOException("cannot tell which java runs this JVM")));
        return List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), GatewayBench.class.getName());
    }
}
