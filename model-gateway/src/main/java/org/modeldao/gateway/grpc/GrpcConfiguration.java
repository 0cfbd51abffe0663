package org.modeldao.gateway.grpc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.modeldao.gateway.GatewayProperties;
import org.modeldao.gateway.inference.InferenceService;
import org.modeldao.gateway.oip.ModelDirectory;
import org.modeldao.gateway.tokens.TokenCallers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OIP v2 gRPC endpoint, only when {@code gateway.grpc.port} is 0 or more (off by default). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcProperties.class)
@ConditionalOnExpression("${gateway.grpc.port:-1} >= 0")
class GrpcConfiguration {

    @Bean
    GrpcServer grpcServer(GrpcProperties properties, GatewayProperties gateway, InferenceService inference,
            ModelDirectory directory, TokenCallers callers) {
        int threads = properties.workerThreads();
        // fixed threads and a bounded queue: a call beyond both is refused at once (UNAVAILABLE), never held
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity())),
                Thread.ofPlatform().name("grpc-worker-", 0).daemon().factory());
        int maxMessageBytes = (int) Math.min(Integer.MAX_VALUE, gateway.maxRequestBytes());
        return new GrpcServer(properties, maxMessageBytes,
                new OipGrpcService(inference, directory, callers, workers), workers);
    }
}
