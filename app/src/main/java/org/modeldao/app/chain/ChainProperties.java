package org.modeldao.app.chain;

import java.time.Duration;
import org.modeldao.contracts.NodeConnection.NodeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the DAO lives. With a deployment descriptor (written by governance-contracts'
 * GovernanceDeployer) the chain id and contract addresses come from it; without one, the app runs
 * against {@code chainId} with no contracts, and everyone reads as holding no voting power.
 *
 * @param deploymentFile path of the deployment descriptor JSON, or empty
 * @param rpcUrl JSON-RPC endpoint; empty = the descriptor's, else http://127.0.0.1:8545
 * @param chainId chain id to use when there is no descriptor (31337 = local dev chain)
 * @param callTimeout longest one JSON-RPC call may take, every byte of the answer included (default 20 s)
 * @param maxAnswerSize largest JSON-RPC answer read from the node (default 64 MB)
 */
@ConfigurationProperties("modeldao.chain")
public record ChainProperties(String deploymentFile, String rpcUrl, Long chainId, Duration callTimeout,
        DataSize maxAnswerSize) {

    public ChainProperties {
        deploymentFile = deploymentFile == null ? "" : deploymentFile.trim();
        rpcUrl = rpcUrl == null ? "" : rpcUrl.trim();
        chainId = chainId == null ? ChainDeployment.DEV_CHAIN_ID : chainId;
        nodeLimits(callTimeout, maxAnswerSize); // a bad bound stops the start, with the reason
    }

    /** The bounds of each call to the node: the shared defaults where unset. */
    public NodeLimits nodeLimits() {
        return nodeLimits(callTimeout, maxAnswerSize);
    }

    private static NodeLimits nodeLimits(Duration callTimeout, DataSize maxAnswerSize) {
        return NodeLimits.orDefaults(callTimeout, maxAnswerSize == null ? null : maxAnswerSize.toBytes());
    }
}
