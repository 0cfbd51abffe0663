package org.modeldao.app.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the DAO lives. With a deployment descriptor (written by governance-contracts'
 * GovernanceDeployer) the chain id and contract addresses come from it; without one, the app runs
 * against {@code chainId} with no contracts, and everyone reads as holding no voting power.
 *
 * @param deploymentFile path of the deployment descriptor JSON, or empty
 * @param rpcUrl JSON-RPC endpoint; empty = the descriptor's, else http://127.0.0.1:8545
 * @param chainId chain id to use when there is no descriptor (31337 = local dev chain)
 */
@ConfigurationProperties("modeldao.chain")
public record ChainProperties(String deploymentFile, String rpcUrl, Long chainId) {

    public ChainProperties {
        deploymentFile = deploymentFile == null ? "" : deploymentFile.trim();
        rpcUrl = rpcUrl == null ? "" : rpcUrl.trim();
        chainId = chainId == null ? ChainDeployment.DEV_CHAIN_ID : chainId;
    }
}
