package org.modeldao.gateway.approval.chain;

import java.nio.file.Path;
import org.modeldao.contracts.DeploymentDescriptor;

/** Where the governance contracts live, from the deployer's descriptor (RPC URL overridable). */
public record ChainEndpoints(String rpcUrl, String token, String timelock, String governor, String registry,
        long deploymentBlock) {

    public static ChainEndpoints of(DeploymentDescriptor descriptor) {
        return new ChainEndpoints(descriptor.rpcUrl(), descriptor.token(), descriptor.timelock(), descriptor.governor(),
                descriptor.registry(), descriptor.deploymentBlock());
    }

    public static ChainEndpoints read(Path descriptor, String rpcUrlOverride) {
        DeploymentDescriptor read = DeploymentDescriptor.read(descriptor);
        return of(rpcUrlOverride == null || rpcUrlOverride.isBlank() ? read : read.withRpcUrl(rpcUrlOverride));
    }
}
