package org.modeldao.benchmarks.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.web3j.crypto.Credentials;

/**
 * The DAO the gateway benches vote with: deployed on a dev chain by account 0, three members
 * (accounts 1–3) holding 30,000 votes each, delegated to themselves, so any two pass a proposal;
 * the deployment descriptor the gateway follows is written to {@code descriptor}.
 */
record BenchDao(DevGovernance governance, RegistryActions actions, List<Credentials> members, Path descriptor) {

    static BenchDao deploy(DevChain chain, Path dir) throws Exception {
        List<Credentials> accounts = chain.accounts();
        List<Credentials> members = accounts.subList(1, 4);
        List<DeploymentSettings.Allocation> allocations = members.stream()
                .map(m -> new DeploymentSettings.Allocation(m.getAddress(), DeploymentSettings.tokens(30_000))).toList();
        DeploymentDescriptor deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(),
                Duration.ofMillis(20)).deploy(accounts.get(0), DeploymentSettings.forDevChain(allocations));
        DevGovernance governance = new DevGovernance(chain, deployment);
        members.forEach(governance::delegateToSelf);
        Path descriptor = dir.resolve("deployment.json");
        deployment.write(descriptor);
        return new BenchDao(governance, new RegistryActions(deployment.registry()), members, descriptor);
    }
}
