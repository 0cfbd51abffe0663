package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.devchain.DevChain;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;

/** The test's capped node itself: forwards to Hardhat, refuses eth_getLogs over its cap. */
class LogCapProxyIT {

    @Test
    void forwards_calls_and_refuses_log_queries_over_its_cap() throws Exception {
        try (DevChain chain = DevChain.start(); LogCapProxy proxy = new LogCapProxy(chain.rpcUrl(), 0)) {
            Web3j web3j = Web3j.build(new HttpService(proxy.url()));
            assertThat(web3j.ethChainId().send().getChainId().longValueExact()).isEqualTo(DevChain.CHAIN_ID);
            var logs = web3j.ethGetLogs(new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                    List.of())).send();
            assertThat(logs.hasError() || logs.getLogs().isEmpty()).isTrue();
            web3j.shutdown();
        }
    }
}
