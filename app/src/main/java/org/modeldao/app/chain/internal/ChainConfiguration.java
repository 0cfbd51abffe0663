package org.modeldao.app.chain.internal;

import org.modeldao.app.chain.ChainProperties;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.app.chain.VotingPowerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/** The chain adapter: one JSON-RPC client and the readers built on the generated wrappers. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    @Bean
    Web3jService web3jService(ChainProperties chain) {
        return new HttpService(chain.rpcUrl());
    }

    @Bean(destroyMethod = "shutdown")
    Web3j web3j(Web3jService web3jService) {
        return Web3j.build(web3jService);
    }

    @Bean
    VotingPowerReader votingPowerReader(Web3j web3j, ChainProperties chain) {
        if (!chain.hasDeployment()) {
            log.warn("No governance deployment configured (modeldao.chain.token / governor): everyone signs in without voting power.");
            return address -> VotingPower.none();
        }
        log.info("Reading voting power from token {} and governor {} on chain {} via {}", chain.token(), chain.governor(), chain.chainId(), chain.rpcUrl());
        return new ContractVotingPowerReader(web3j, chain.token(), chain.governor());
    }
}
