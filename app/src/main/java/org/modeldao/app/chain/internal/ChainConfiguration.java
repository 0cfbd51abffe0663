package org.modeldao.app.chain.internal;

import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.chain.ContractSignatures;
import org.modeldao.app.chain.ChainProperties;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.app.chain.VotingPowerReader;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.NodeConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;

/** The chain adapter: the resolved deployment, one JSON-RPC client and the readers built on the generated wrappers. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    @Bean
    ChainDeployment chainDeployment(ChainProperties properties) {
        ChainDeployment deployment = ChainDeployment.resolve(properties);
        deployment.contracts().ifPresentOrElse(
                contracts -> log.info("Governance on chain {} via {}: token {}, governor {}, registry {}", deployment.chainId(),
                        deployment.rpcUrl(), contracts.token(), contracts.governor(), contracts.registry()),
                () -> log.warn("No deployment descriptor configured (modeldao.chain.deployment-file): chain {} via {}, "
                        + "everyone signs in without voting power.", deployment.chainId(), deployment.rpcUrl()));
        return deployment;
    }

    /** Every call bounded in time and size: sign-in, the indexer and the relayer wait on this node. */
    @Bean
    Web3jService web3jService(ChainDeployment deployment, ChainProperties properties) {
        return NodeConnection.http(deployment.rpcUrl(), properties.nodeLimits());
    }

    @Bean(destroyMethod = "shutdown")
    Web3j web3j(Web3jService web3jService) {
        return Web3j.build(web3jService);
    }

    /** Pages follow a sent transaction to its block: asked twice a second, given up after 10 minutes. */
    @Bean
    ReceiptPolling transactionConfirmations(Web3j web3j) {
        return new ReceiptPolling(web3j, Duration.ofMillis(500), Duration.ofMinutes(10));
    }

    @Bean
    ContractSignatures contractSignatures(Web3j web3j, ChainDeployment deployment) {
        // without a DAO there is no chain to ask (as for voting power): key-pair accounts only
        return deployment.contracts().isEmpty() ? ContractSignatures.NONE : new Erc1271Signatures(web3j);
    }

    @Bean
    VotingPowerReader votingPowerReader(Web3j web3j, ChainDeployment deployment) {
        if (deployment.contracts().isEmpty()) {
            return address -> VotingPower.none();
        }
        DeploymentDescriptor contracts = deployment.descriptor();
        return new ContractVotingPowerReader(web3j, contracts.token(), contracts.governor());
    }
}
