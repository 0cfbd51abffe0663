package org.modeldao.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.modeldao.contracts.NodeConnection.NodeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings ({@code gateway.*}).
 *
 * @param chain where the registry lives and how closely to follow it
 * @param serving capacity per loaded version and artifact limits
 * @param redisUri Redis for shared rate-limit buckets (e.g. redis://127.0.0.1:6379); empty = in-process buckets
 * @param maxRequestBytes largest request body accepted
 * @param redisKeyPrefix prefix of the bucket keys in Redis: replicas sharing limits share it; another
 *     deployment (or test run) on the same Redis takes its own
 * @param artifacts how often approved artifacts are verified again
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Chain chain, Serving serving, @DefaultValue("") String redisUri,
        @DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue("modeldao:gateway:rate:") String redisKeyPrefix, @DefaultValue Artifacts artifacts) {

    /**
     * @param deploymentFile DeploymentDescriptor JSON naming the contracts and deployment block; empty = no chain
     * @param rpcUrl overrides the descriptor's RPC URL when set
     * @param confirmations blocks an event must be buried under before it is applied
     * @param stateFile where the last known approved set is kept for restarts while the chain is down
     * @param callTimeout longest one JSON-RPC call may take, every byte of the answer included; unset = 20 s
     * @param maxAnswerSize largest JSON-RPC answer read from the node; unset = 64 MB
     */
    public record Chain(@DefaultValue("") String deploymentFile, @DefaultValue("") String rpcUrl,
            @DefaultValue("0") int confirmations, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("./.gateway/approved-state.json") Path stateFile, @DefaultValue("2000") int batchBlocks,
            Duration callTimeout, DataSize maxAnswerSize) {

        public Chain {
            nodeLimits(callTimeout, maxAnswerSize); // a bad bound stops the start, with the reason
        }

        /** The bounds of each call to the node: the shared defaults (20 s, 64 MB) where unset. */
        public NodeLimits nodeLimits() {
            return nodeLimits(callTimeout, maxAnswerSize);
        }

        private static NodeLimits nodeLimits(Duration callTimeout, DataSize maxAnswerSize) {
            return NodeLimits.orDefaults(callTimeout, maxAnswerSize == null ? null : maxAnswerSize.toBytes());
        }
    }

    /**
     * @param batching dynamic batching per loaded version (see {@link Batching})
     */
    public record Serving(@DefaultValue("1") int predictorsPerVersion, @DefaultValue("64") int queueCapacity,
            @DefaultValue("10s") Duration queueTimeout, @DefaultValue("30s") Duration retryUnavailableAfter,
            @DefaultValue("268435456") long maxArtifactBytes, @DefaultValue("30s") Duration fetchTimeout,
            @DefaultValue Batching batching) {}

    /**
     * @param enabled stack calls that wait together for the same version into one engine run, up to
     *     the voted maximum batch size in rows
     * @param maxDelay how long a free predictor waits for more calls before a run that is not full;
     *     0 = only calls already waiting are stacked, nothing is delayed
     */
    public record Batching(@DefaultValue("true") boolean enabled, @DefaultValue("0ms") Duration maxDelay) {}

    /**
     * @param recheckInterval every this often the artifact and card of each loaded or
     *                        hash-quarantined version are fetched and hashed again; 0 = never
     * @param mirrors content-addressed base URIs ({@code <base><sha256>}) tried when a voted URI
     *                cannot be fetched; their bytes count only with the voted hash
     */
    public record Artifacts(@DefaultValue("5m") Duration recheckInterval, @DefaultValue List<String> mirrors) {}
}
