package org.modeldao.gateway;

import java.nio.file.Path;
import org.modeldao.contracts.DeploymentDescriptor;

/** The chain id of the governance deployment the gateway follows (only this package reads the contracts' descriptor). */
public final class DeploymentChain {

    private DeploymentChain() {
    }

    /** The descriptor's chain id. */
    public static long idOf(Path deploymentFile) {
        return DeploymentDescriptor.read(deploymentFile).chainId();
    }
}
