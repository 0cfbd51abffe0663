package org.modeldao.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.NodeConnection;
import org.modeldao.contracts.VotingPowerCalls;
import org.modeldao.contracts.events.StreamSettings;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.approval.chain.ApprovalSync;
import org.modeldao.gateway.approval.chain.ApprovedStateStore;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.policy.PerBlockVotesCache;
import org.modeldao.gateway.policy.VotesLookup;
import org.modeldao.gateway.policy.chain.TokenVotes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/** Connects the gateway to the governance contracts when a deployment descriptor is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gateway.chain.deployment-file:}' != ''")
class ChainConfiguration {

    @Bean
    DeploymentDescriptor deployment(GatewayProperties properties) {
        return DeploymentDescriptor.read(Path.of(properties.chain().deploymentFile()), properties.chain().rpcUrl());
    }

    /** Every call bounded in time and size: the approval sync and token-holder checks wait on this node. */
    @Bean(destroyMethod = "shutdown")
    Web3j web3j(DeploymentDescriptor deployment, GatewayProperties properties) {
        return Web3j.build(NodeConnection.http(deployment.rpcUrl(), properties.chain().nodeLimits()));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ApprovalSync approvalSync(Web3j web3j, DeploymentDescriptor deployment, GovernanceState governance,
            GatewayProperties properties, DecisionLog decisions, MeterRegistry meters) {
        GatewayProperties.Chain chain = properties.chain();
        ApprovalSync sync = ApprovalSync.following(web3j, deployment, StreamSettings.defaults()
                        .withBatchBlocks(chain.batchBlocks()).withConfirmations(chain.confirmations()),
                governance, new ApprovedStateStore(chain.stateFile()), chain.pollInterval());
        Counter reorgs = Counter.builder("gateway.sync.reorgs")
                .description("chain reorganisations that dropped applied blocks and rebuilt the approved set")
                .register(meters);
        sync.onReorg(reorg -> {
            reorgs.increment();
            decisions.record(new DecisionEntry("REORG", "gateway", "", "", "rebuilt", reorg.describe()));
        });
        return sync;
    }

    @Bean
    VotesLookup votesLookup(Web3j web3j, DeploymentDescriptor deployment, GovernanceState governance) {
        return new PerBlockVotesCache(new TokenVotes(new VotingPowerCalls(web3j, deployment)),
                () -> governance.status().chainHead());
    }
}
