package org.modeldao.app.indexer;

import java.time.Clock;
import javax.sql.DataSource;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.contracts.DeploymentDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/**
 * Starts the indexer when the app knows a deployment ({@code modeldao.chain.deployment-file}) and
 * {@code modeldao.indexer.enabled} is not false. It reads the shared governance event stream through
 * the chain feature's node client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${modeldao.chain.deployment-file:}' != '' and '${modeldao.indexer.enabled:true}' == 'true'")
class IndexerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IndexerConfiguration.class);

    @Bean
    IndexerLoop chainIndexerLoop(IndexerSettings settings, ChainDeployment chain, Web3j web3j, DataSource dataSource, Clock clock,
            ApplicationEventPublisher events, ActionDecoder actions, ObjectProvider<MeterRegistry> meters) {
        DeploymentDescriptor deployment = chain.contracts().orElseThrow();
        ChainIndexer indexer = new ChainIndexer(web3j, deployment, settings,
                IndexerStore.on(dataSource, clock), events, actions,
                new IndexerMetrics(meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)));
        log.info("Indexing governor {} on chain {} from block {} via {} ({} confirmations, {} blocks per batch)", deployment.governor(),
                deployment.chainId(), deployment.deploymentBlock(), chain.rpcUrl(), settings.confirmations(), settings.batchBlocks());
        return new IndexerLoop(indexer, IndexerLeadership.forDatabase(dataSource, deployment.governor()), settings.pollInterval(), () -> { });
    }
}
