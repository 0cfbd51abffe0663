package org.modeldao.app.wallet.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.wallet.RelayBudget;
import org.modeldao.app.wallet.RelayLock;
import org.modeldao.app.wallet.Relayer;
import org.modeldao.app.wallet.RelayerProperties;
import org.modeldao.contracts.devchain.DevAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/** The relayer: the app's one key, paying gas for members' signed votes and delegations within a daily budget. */
@Configuration(proxyBeanMethods = false)
class WalletConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WalletConfiguration.class);
    /** Hardhat account #19: not one of the demo's voters, so relaying never mixes with their votes. */
    private static final int DEV_RELAYER_ACCOUNT = 19;

    @Bean
    RelayBudget relayBudget(JdbcClient jdbc, RelayerProperties limits, Clock clock, MeterRegistry meters) {
        return new RelayBudget(jdbc, limits.dailyCapEth(), clock, meters);
    }

    @Bean
    Relayer relayer(Web3j web3j, RelayerKeyProperties key, ChainDeployment chain, RelayBudget budget, RelayerProperties limits,
            DataSource dataSource) {
        Optional<Credentials> account = Optional.empty();
        if (!key.relayerKey().isEmpty()) {
            account = Optional.of(Credentials.create(key.relayerKey()));
        } else if (chain.isDevChain()) {
            account = Optional.of(DevAccounts.get(DEV_RELAYER_ACCOUNT));
            log.warn("Relaying signed votes and delegations with dev chain account #{} ({}): configure modeldao.governance.relayer-key elsewhere.",
                    DEV_RELAYER_ACCOUNT, account.get().getAddress());
        } else {
            log.warn("No relayer key (modeldao.governance.relayer-key): gasless votes and delegations are off.");
        }
        account.ifPresent(a -> log.info("Relayer {} spends at most {} ETH a day on gas (modeldao.relayer.daily-cap-eth).",
                a.getAddress(), limits.dailyCapEth()));
        if (account.isEmpty()) {
            return new Relayer(web3j, account, chain.chainId(), budget, limits);
        }
        RelayLock lock = RelayLock.forDatabase(dataSource, account.get().getAddress(), Relayer.RELAY_TURN_WAIT);
        log.info("Relays are serialised {}.", lock.acrossReplicas()
                ? "across replicas by a PostgreSQL advisory lock" : "in this process (embedded database: one instance)");
        return new Relayer(web3j, account, chain.chainId(), budget, limits, lock);
    }
}
