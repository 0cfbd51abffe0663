package org.modeldao.app.proposals.internal;

import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.proposals.ActionCodec;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/** The governance core: which DAO, its readers, the read-model-backed queries. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GovernanceConfiguration.class);

    @Bean
    GovernanceContracts governanceContracts(ChainDeployment deployment) {
        return deployment.contracts().map(GovernanceContracts::of).orElseGet(() -> {
            log.warn("No DAO deployment configured (modeldao.chain.deployment-file): proposals, votes and the catalog are unavailable.");
            return GovernanceContracts.none();
        });
    }

    @Bean
    ActionCodec actionCodec(GovernanceContracts contracts) {
        return new ActionCodec(contracts.registry());
    }

    @Bean
    GovernorReader governorReader(Web3j web3j, GovernanceContracts contracts) {
        return new GovernorReader(web3j, contracts);
    }

    @Bean
    ProposalQueries proposalQueries(ProposalReadModel readModel, HistoryReadModel history, GovernorReader governor, ActionCodec codec) {
        return new IndexedProposalQueries(readModel, history, governor, codec);
    }
}
