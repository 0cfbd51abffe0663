package org.modeldao.benchmarks.gateway;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.modeldao.gateway.grpc.v2.GRPCInferenceServiceGrpc;
import org.modeldao.gateway.grpc.v2.InferTensorContents;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;

/**
 * The gRPC load generator, in a process of its own like wrk ({@code GatewayBench grpc-client <port>}):
 * one HTTP/2 connection to 127.0.0.1 carrying {@code streams} calls at once, each stream sending its
 * next ModelInfer as soon as the last one is answered (closed loop, like wrk's connections).
 *
 * <p>One client process serves every round of a bench, driven over its standard input — one line
 * {@code <streams> <startAtMillis> <seconds>} per round, answered on standard output with
 * {@code grpc-round <requests> <errors> <p50-ms> <p99-ms>} — so its JIT warms once, during the bench's warm-up, instead
 * of in every round: a fresh client JVM per round measured its own warm-up at 1 and 8 streams (up
 * to 13× fewer calls than REST at 1 stream under load, 2026-12-06). Each round still ramps up until
 * {@code startAtMillis} (epoch) before its measured window.
 */
final class GrpcLoadClient {

    /** Marks the result line: anything else the client's libraries print on standard output is skipped. */
    private static final String RESULT = "grpc-round ";

    /** A call that takes longer is an error: nothing waits forever. */
    private static final long DEADLINE_SECONDS = 10;

    private GrpcLoadClient() {}

    /** The same iris row as the HTTP bench's body, in fp32_contents. */
    static ModelInferRequest request() {
        return ModelInferRequest.newBuilder().setModelName("iris").setId("bench")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(1).addShape(4).setContents(InferTensorContents.newBuilder()
                                .addFp32Contents(5.1f).addFp32Contents(3.5f).addFp32Contents(1.4f).addFp32Contents(0.2f)))
                .build();
    }

    /** {@code grpc-client <port>}, then one round per line of standard input until it closes. */
    static void run(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .directExecutor().build();
        try {
            GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub = GRPCInferenceServiceGrpc.newStub(channel);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            PrintWriter results = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), true);
            for (String line; (line = commands.readLine()) != null && !line.isBlank(); ) {
                String[] fields = line.strip().split(" ");
                Load load = round(stub, Integer.parseInt(fields[0]), Long.parseLong(fields[1]),
                        Duration.ofSeconds(Long.parseLong(fields[2])));
                results.printf(Locale.ROOT, RESULT + "%d %d %.3f %.3f%n", load.latencies.count(), load.errors.get(),
                        load.latencies.percentileMicros(50) / 1000, load.latencies.percentileMicros(99) / 1000);
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Load round(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub, int streams, long startAt,
            Duration duration) throws InterruptedException {
        Load load = new Load(stub, request(), startAt, startAt + duration.toMillis());
        load.start(streams);
        long waitMillis = duration.toMillis() + Math.max(0, startAt - System.currentTimeMillis())
                + DEADLINE_SECONDS * 1000 + 5000;
        if (!load.done.await(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the gRPC load did not finish");
        }
        return load;
    }

    private static final class Load {
        private static final int REPORTED_ERRORS = 5;
        /** Over the client's life (all rounds), so a long run does not flood the log. */
        private static final AtomicLong reported = new AtomicLong();

        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        final CountDownLatch done = new CountDownLatch(1);  // when every stream has seen the end of the window
        private final GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub;
        private final ModelInferRequest request;
        private final long measureFrom;
        private final long measureUntil;
        private final AtomicLong running = new AtomicLong();

        Load(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub, ModelInferRequest request, long measureFrom,
                long measureUntil) {
            this.stub = stub;
            this.request = request;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
        }

        void start(int streams) {
            running.set(streams);
            for (int s = 0; s < streams; s++) {
                send();
            }
        }

        private void send() {
            long t0 = System.nanoTime();
            stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).modelInfer(request, new StreamObserver<>() {
                private boolean ok;

                @Override
                public void onNext(ModelInferResponse response) {
                    ok = true;
                }

                @Override
                public void onError(Throwable t) {
                    report(io.grpc.Status.fromThrowable(t).toString());
                    finished(t0, false);
                }

                @Override
                public void onCompleted() {
                    if (!ok) {
                        report("completed without an answer");
                    }
                    finished(t0, ok);
                }
            });
        }

        /** What went wrong, on the bench's error stream: the first few of a run, so that an error count has a cause. */
        private void report(String what) {
            if (reported.incrementAndGet() <= REPORTED_ERRORS) {
                System.err.println("gRPC bench client: a call failed: " + what);
            }
        }

        private void finished(long t0, boolean ok) {
            long now = System.currentTimeMillis();
            if (now >= measureFrom && now < measureUntil) {
                latencies.add(System.nanoTime() - t0);
                if (!ok) {
                    errors.incrementAndGet();
                }
            }
            if (now < measureUntil) {
                send();
            } else if (running.decrementAndGet() == 0) {
                done.countDown();
            }
        }
    }

    /**
     * The client process of one bench (this JVM's java and class path), kept for all its rounds;
     * closing it ends the process.
     */
    static final class Process implements AutoCloseable {

        private final java.lang.Process process;
        private final Writer commands;
        private final BufferedReader results;

        private Process(java.lang.Process process) {
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
            this.results = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        }

        static Process start(int port) throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElseThrow(() -> new UncheckedIOException(new IOException("cannot tell which java runs this JVM")));
            return new Process(new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    GatewayBench.class.getName(), GatewayBench.GRPC_CLIENT_COMMAND, Integer.toString(port)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        /** Asks for one round: measured from {@code startAtMillis} (epoch) for {@code duration}. */
        void begin(int streams, long startAtMillis, Duration duration) throws IOException {
            commands.write(String.format(Locale.ROOT, "%d %d %d%n", streams, startAtMillis, duration.toSeconds()));
            commands.flush();
        }

        /** The round's figures as the bench's load result; a client that does not answer in time fails the bench. */
        WrkResult result(Duration duration) throws IOException, InterruptedException {
            String line;
            try {
                line = CompletableFuture.supplyAsync(this::readLine)
                        .get(duration.toSeconds() + DEADLINE_SECONDS + 60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the gRPC bench client did not answer in time");
            } catch (ExecutionException e) {
                throw new IOException("the gRPC bench client failed", e.getCause());
            }
            if (line == null) {
                throw new IllegalStateException("the gRPC bench client ended (exit " + process.waitFor() + ")");
            }
            String[] fields = line.substring(RESULT.length()).strip().split(" ");
            long requests = Long.parseLong(fields[0]);
            return new WrkResult(requests, requests / (duration.toNanos() / 1e9), Double.parseDouble(fields[2]),
                    Double.parseDouble(fields[3]), Long.parseLong(fields[1]));
        }

        /** The next result line, or null once the client has ended. */
        private String readLine() {
            try {
                for (String line; (line = results.readLine()) != null; ) {
                    if (line.startsWith(RESULT)) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            try {
                commands.close();  // end of input: the client closes its channel and exits
            } catch (IOException e) {
                // already gone: nothing to tell it
            }
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
