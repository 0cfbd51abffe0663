package org.modeldao.app.indexer;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.modeldao.contracts.DeploymentDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Starts the indexer when a deployment descriptor is configured ({@code modeldao.chain.deployment-file})
 * and {@code modeldao.indexer.enabled} is not false. The node is {@code modeldao.chain.rpc-url}
 * when set, else the descriptor's own URL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${modeldao.chain.deployment-file:}' != '' and '${modeldao.indexer.enabled:true}' == 'true'")
class IndexerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IndexerConfiguration.class);

    @Bean
    IndexerLoop chainIndexerLoop(IndexerSettings settings, DataSource dataSource, Clock clock,
            ApplicationEventPublisher events, Environment environment) {
        DeploymentDescriptor deployment = DeploymentDescriptor.read(Path.of(environment.getRequiredProperty("modeldao.chain.deployment-file")));
        String rpcUrl = environment.getProperty("modeldao.chain.rpc-url", deployment.rpcUrl());
        Web3j web3j = Web3j.build(new HttpService(rpcUrl.isBlank() ? deployment.rpcUrl() : rpcUrl));
        ChainIndexer indexer = new ChainIndexer(new ChainNode(web3j, deployment), deployment, settings,
                IndexerStore.on(dataSource, clock), events);
        log.info("Indexing governor {} on chain {} from block {} via {} ({} confirmations)", deployment.governor(),
                deployment.chainId(), deployment.deploymentBlock(), rpcUrl, settings.confirmations());
        return new IndexerLoop(indexer, IndexerLeadership.forDatabase(dataSource, deployment.governor()),
                settings.pollInterval(), web3j::shutdown);
    }
}
