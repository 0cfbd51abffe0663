package org.modeldao.gateway.grpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OIP v2 gRPC endpoint ({@code gateway.grpc.*}). Its largest message is the HTTP body limit,
 * {@code gateway.max-request-bytes}.
 *
 * @param port -1 = no gRPC server (the default), 0 = any free port (tests), else that port
 * @param address where it listens; empty = every interface; application.yml defaults it to
 *        {@code server.address}, so gRPC listens where HTTP does
 * @param threads workers that run the calls (token check, policy, inference); 0 = 4 per core
 * @param queueCapacity calls waiting for a worker; one more is refused at once (UNAVAILABLE)
 * @param maxConcurrentCallsPerConnection HTTP/2 streams one connection may have open
 * @param keepAliveTime idle time after which the server pings a connection
 * @param keepAliveTimeout how long a ping may go unanswered before the connection is closed
 * @param permitKeepAliveTime the shortest ping interval a client may use (more often: GOAWAY)
 * @param maxConnectionIdle a connection without calls this long is closed
 * @param handshakeTimeout time a new connection has to complete its HTTP/2 handshake
 */
@ConfigurationProperties("gateway.grpc")
public record GrpcProperties(@DefaultValue("-1") int port, @DefaultValue("") String address,
        @DefaultValue("0") int threads, @DefaultValue("256") int queueCapacity,
        @DefaultValue("100") int maxConcurrentCallsPerConnection,
        @DefaultValue("2h") Duration keepAliveTime, @DefaultValue("20s") Duration keepAliveTimeout,
        @DefaultValue("1m") Duration permitKeepAliveTime, @DefaultValue("10m") Duration maxConnectionIdle,
        @DefaultValue("10s") Duration handshakeTimeout) {

    int workerThreads() {
        return threads > 0 ? threads : 4 * Runtime.getRuntime().availableProcessors();
    }
}
