package org.modeldao.gateway.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC endpoint's Netty server: started with the application context, stopped before it
 * closes (calls in flight get a few seconds, like HTTP's graceful shutdown), then its workers.
 */
public final class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);
    private static final long GRACE_SECONDS = 5;

    private final GrpcProperties properties;
    private final int maxMessageBytes;
    private final BindableService service;
    private final ExecutorService workers;
    private volatile Server server;

    GrpcServer(GrpcProperties properties, int maxMessageBytes, BindableService service, ExecutorService workers) {
        this.properties = properties;
        this.maxMessageBytes = maxMessageBytes;
        this.service = service;
        this.workers = workers;
    }

    @Override
    public void start() {
        InetSocketAddress address = properties.address().isBlank() ? new InetSocketAddress(properties.port())
                : new InetSocketAddress(properties.address(), properties.port());
        Server built = NettyServerBuilder.forAddress(address)
                // the service answers reads on the network threads and hands inference to the bounded workers
                .directExecutor()
                .addService(ServerInterceptors.intercept(service, new CallOrigin.Interceptor()))
                .maxInboundMessageSize(maxMessageBytes)
                .maxConcurrentCallsPerConnection(properties.maxConcurrentCallsPerConnection())
                .keepAliveTime(properties.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(properties.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveTime(properties.permitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionIdle(properties.maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS)
                .handshakeTimeout(properties.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        try {
            server = built.start();
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC could not listen on " + address, e);
        }
        log.info("OIP v2 gRPC listening on {} (largest message {} bytes)", server.getListenSockets(), maxMessageBytes);
    }

    @Override
    public void stop() {
        Server running = server;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
            workers.shutdown();
            if (!workers.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port it listens on (the chosen one when configured 0). */
    public int port() {
        Server running = server;
        if (running == null) {
            throw new IllegalStateException("the gRPC server is not running");
        }
        return running.getPort();
    }
}
