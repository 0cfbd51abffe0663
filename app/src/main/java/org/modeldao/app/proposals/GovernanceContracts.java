package org.modeldao.app.proposals;

import org.modeldao.contracts.DeploymentDescriptor;

/**
 * The deployed DAO the app governs. {@link #none()} when nothing is configured: the app then
 * starts, shows that no DAO is connected and refuses governance actions.
 */
public record GovernanceContracts(long chainId, String token, String governor, String timelock, String registry,
        long deploymentBlock) {

    public static GovernanceContracts none() {
        return new GovernanceContracts(0, "", "", "", "", 0);
    }

    public static GovernanceContracts of(DeploymentDescriptor descriptor) {
        return new GovernanceContracts(descriptor.chainId(), descriptor.token(), descriptor.governor(), descriptor.timelock(),
                descriptor.registry(), descriptor.deploymentBlock());
    }

    public boolean configured() {
        return !token.isEmpty() && !governor.isEmpty() && !timelock.isEmpty() && !registry.isEmpty();
    }

    /** @throws NoDaoConnected if no deployment is configured */
    public GovernanceContracts require() {
        if (!configured()) {
            throw new NoDaoConnected();
        }
        return this;
    }
}
