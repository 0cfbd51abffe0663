package org.modeldao.app.chain;

import java.util.Optional;
import org.modeldao.contracts.DeploymentDescriptor;

/**
 * The chain the app talks to, resolved once at start-up from {@link ChainProperties}.
 *
 * @param chainId EIP-155 chain id sign-in messages must name
 * @param rpcUrl JSON-RPC endpoint
 * @param descriptor the governance contracts' deployment, or null when none is configured
 */
public record ChainDeployment(long chainId, String rpcUrl, DeploymentDescriptor descriptor) {

    /** Hardhat's and Anvil's chain id; the only chain the dev wallet may ever sign for. */
    public static final long DEV_CHAIN_ID = 31337;

    private static final String DEFAULT_RPC_URL = "http://127.0.0.1:8545";

    public static ChainDeployment resolve(ChainProperties properties) {
        if (properties.deploymentFile().isEmpty()) {
            return new ChainDeployment(properties.chainId(), properties.rpcUrl().isEmpty() ? DEFAULT_RPC_URL : properties.rpcUrl(), null);
        }
        // read the same way as the gateway reads it: the configured RPC URL, when set, replaces the deployer's
        DeploymentDescriptor descriptor = DeploymentDescriptor.read(java.nio.file.Path.of(properties.deploymentFile()),
                properties.rpcUrl());
        return new ChainDeployment(descriptor.chainId(), descriptor.rpcUrl(), descriptor);
    }

    public Optional<DeploymentDescriptor> contracts() {
        return Optional.ofNullable(descriptor);
    }

    public boolean isDevChain() {
        return chainId == DEV_CHAIN_ID;
    }
}
