package org.modeldao.benchmarks.gateway;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.modeldao.gateway.grpc.v2.GRPCInferenceServiceGrpc;
import org.modeldao.gateway.grpc.v2.InferTensorContents;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;

/**
 * The gRPC load generator, in a process of its own like wrk ({@code GatewayBench grpc-client …}):
 * one HTTP/2 connection to 127.0.0.1 carrying {@code streams} calls at once, each stream sending
 * its next ModelInfer as soon as the last one is answered (closed loop, like wrk's connections).
 * Warms up until {@code startAtMillis} (epoch), measures for the duration, and writes
 * {@code requests errors p50-ms p99-ms} to the output file.
 */
final class GrpcLoadClient {

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

    /** {@code grpc-client <port> <streams> <startAtMillis> <seconds> <output file>} */
    static void run(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        int streams = Integer.parseInt(args[2]);
        long startAt = Long.parseLong(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .directExecutor().build();
        try {
            Load load = new Load(GRPCInferenceServiceGrpc.newStub(channel), request(), startAt,
                    startAt + duration.toMillis());
            load.start(streams);
            if (!load.done.await(duration.toMillis() + (startAt - System.currentTimeMillis()) + DEADLINE_SECONDS * 1000 + 5000,
                    TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the gRPC load did not finish");
            }
            Files.writeString(Path.of(args[5]), String.format(Locale.ROOT, "%d %d %.3f %.3f%n", load.latencies.count(),
                    load.errors.get(), load.latencies.percentileMicros(50) / 1000, load.latencies.percentileMicros(99) / 1000));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static final class Load {
        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        final CountDownLatch done;  // when every stream has seen the end of the window
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
            this.done = new CountDownLatch(1);
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
                    finished(t0, false);
                }

                @Override
                public void onCompleted() {
                    finished(t0, ok);
                }
            });
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
     * Starts one client process (this JVM's java and class path) and returns it; its result file
     * is read with {@link #result(Process, Path, Duration)}.
     */
    static Process start(int port, int streams, long startAtMillis, Duration duration, Path output) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new UncheckedIOException(new IOException("cannot tell which java runs this JVM")));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                GatewayBench.class.getName(), GatewayBench.GRPC_CLIENT_COMMAND, Integer.toString(port),
                Integer.toString(streams), Long.toString(startAtMillis), Long.toString(duration.toSeconds()),
                output.toString()));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** What the client measured, as the bench's load result (requests, req/s, p50, p99, errors). */
    static WrkResult result(Process client, Path output, Duration duration) throws IOException, InterruptedException {
        if (!client.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("the gRPC bench client timed out");
        }
        if (client.exitValue() != 0) {
            throw new IllegalStateException("the gRPC bench client failed with exit " + client.exitValue());
        }
        String[] fields = Files.readString(output).strip().split(" ");
        long requests = Long.parseLong(fields[0]);
        return new WrkResult(requests, requests / (duration.toNanos() / 1e9), Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]), Long.parseLong(fields[1]));
    }
}
