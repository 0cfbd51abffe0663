package org.modeldao.benchmarks.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator when wrk is not installed: one JVM of its own ({@code GatewayBench java-load …},
 * so the servers do not pay for its CPU), N connections, each a platform thread with its own
 * keep-alive HTTP/1.1 client calling in a closed loop, as wrk's connections do. Its figures have
 * wrk's shape ({@link WrkResult}); a JVM client costs more CPU per call than wrk, so at high rates it
 * can become the limit itself: the bench says which generator ran.
 */
final class JavaLoad implements LoadGenerator {

    private final Path bodyFile;

    JavaLoad(Path dir, String body) throws IOException {
        this.bodyFile = Files.writeString(dir.resolve("java-load-body.json"), body);
    }

    @Override
    public WrkResult run(URI url, int connections, Duration duration) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new UncheckedIOException(new IOException("cannot tell which java runs this JVM")));
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                GatewayBench.class.getName(), GatewayBench.JAVA_LOAD_COMMAND, url.toString(), bodyFile.toString(),
                Integer.toString(connections), Long.toString(duration.toSeconds())))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("java load generator failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return parse(new String(out, StandardCharsets.UTF_8).strip());
    }

    /** {@code java-load <url> <body file> <connections> <seconds>}: prints one line, {@link #line}. */
    static void run(String[] args) throws Exception {
        URI url = URI.create(args[1]);
        String body = Files.readString(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                // a client per connection: HttpClient would otherwise share and reuse connections as it likes
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        if (!ok(http, request)) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println(line(result(latencies, errors.get(), duration)));
    }

    private static boolean ok(HttpClient http, HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 400; // as wrk counts: non-2xx/3xx is an error
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The figures of wrk's report from the calls' durations: every call completed in the window counts. */
    static WrkResult result(Latencies latencies, long errors, Duration duration) {
        int requests = latencies.count();
        return new WrkResult(requests, requests / (duration.toNanos() / 1e9), latencies.percentileMicros(50) / 1000,
                latencies.percentileMicros(99) / 1000, errors);
    }

    static String line(WrkResult r) {
        return r.requests() + " " + r.requestsPerSecond() + " " + r.p50Millis() + " " + r.p99Millis() + " " + r.errors();
    }

    static WrkResult parse(String line) {
        String[] f = line.substring(line.lastIndexOf('\n') + 1).split(" ");
        if (f.length != 5) {
            throw new IllegalArgumentException("not a java load generator line: " + line);
        }
        return new WrkResult(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Long.parseLong(f[4]));
    }
}
