package org.modeldao.app.proposals.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.proposals.ActionCodec;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernanceProperties;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.proposals.RelayBudget;
import org.modeldao.app.proposals.Relayer;
import org.modeldao.app.proposals.RelayerProperties;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.contracts.devchain.DevAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/** The governance core: which DAO, its readers, the relayer account, the read-model-backed queries. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GovernanceConfiguration.class);
    /** Hardhat account #19: not one of the demo's voters, so relaying never mixes with their votes. */
    private static final int DEV_RELAYER_ACCOUNT = 19;

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
    ProposalQueries proposalQueries(ProposalReadModel readModel, HistoryReadModel audit, GovernorReader governor, ActionCodec codec) {
        return new IndexedProposalQueries(readModel, audit, governor, codec);
    }

    @Bean
    RelayBudget relayBudget(JdbcClient jdbc, RelayerProperties limits, Clock clock, MeterRegistry meters) {
        return new RelayBudget(jdbc, limits.dailyCapEth(), clock, meters);
    }

    @Bean
    Relayer relayer(Web3j web3j, GovernanceProperties governance, ChainDeployment chain, RelayBudget budget, RelayerProperties limits) {
        Optional<Credentials> account = Optional.empty();
        if (!governance.relayerKey().isEmpty()) {
            account = Optional.of(Credentials.create(governance.relayerKey()));
        } else if (chain.isDevChain()) {
            account = Optional.of(DevAccounts.get(DEV_RELAYER_ACCOUNT));
            log.warn("Relaying signed votes and delegations with dev chain account #{} ({}): configure modeldao.governance.relayer-key elsewhere.",
                    DEV_RELAYER_ACCOUNT, account.get().getAddress());
        } else {
            log.warn("No relayer key (modeldao.governance.relayer-key): gasless votes and delegations are off.");
        }
        account.ifPresent(a -> log.info("Relayer {} spends at most {} ETH a day on gas (modeldao.relayer.daily-cap-eth).",
                a.getAddress(), limits.dailyCapEth()));
        return new Relayer(web3j, account, chain.chainId(), budget, limits);
    }
}
