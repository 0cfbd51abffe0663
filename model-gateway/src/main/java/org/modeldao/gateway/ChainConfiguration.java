package org.modeldao.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.approval.chain.ApprovalSync;
import org.modeldao.gateway.approval.chain.ApprovedStateStore;
import org.modeldao.gateway.approval.chain.ChainEndpoints;
import org.modeldao.gateway.approval.chain.RegistryLogReader;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.policy.chain.TokenVotes;
import org.modeldao.gateway.policy.PerBlockVotesCache;
import org.modeldao.gateway.policy.VotesLookup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Connects the gateway to the governance contracts when a deployment descriptor is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gateway.chain.deployment-file:}' != ''")
class ChainConfiguration {

    @Bean
    ChainEndpoints chainEndpoints(GatewayProperties properties) {
        return ChainEndpoints.read(Path.of(properties.chain().deploymentFile()), properties.chain().rpcUrl());
    }

    @Bean(destroyMethod = "shutdown")
    Web3j web3j(ChainEndpoints endpoints) {
        return Web3j.build(new HttpService(endpoints.rpcUrl()));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ApprovalSync approvalSync(Web3j web3j, ChainEndpoints endpoints, GovernanceState governance,
            GatewayProperties properties, DecisionLog audit, MeterRegistry meters) {
        GatewayProperties.Chain chain = properties.chain();
        ApprovalSync sync = new ApprovalSync(new RegistryLogReader(web3j, endpoints), governance,
                new ApprovedStateStore(chain.stateFile()), endpoints.deploymentBlock(), chain.confirmations(),
                chain.pollInterval());
        Counter reorgs = Counter.builder("gateway.sync.reorgs")
                .description("chain reorganisations that dropped applied blocks and rebuilt the approved set")
                .register(meters);
        sync.onReorg(reorg -> {
            reorgs.increment();
            audit.record(new DecisionEntry("REORG", "gateway", "", "", "rebuilt", reorg.describe()));
        });
        return sync;
    }

    @Bean
    VotesLookup votesLookup(Web3j web3j, ChainEndpoints endpoints, GovernanceState governance) {
        return new PerBlockVotesCache(new TokenVotes(web3j, endpoints.token()), () -> governance.status().chainHead());
    }
}
