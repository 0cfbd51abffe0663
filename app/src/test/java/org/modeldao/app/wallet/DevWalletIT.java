package org.modeldao.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.contracts.devchain.ContractsProject;
import org.modeldao.contracts.devchain.DevAccounts;
import org.modeldao.contracts.devchain.DevChain;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The dev wallet against real Hardhat nodes: configured for the dev chain but pointed at a node
 * that reports another chain id (1337), it neither lists accounts nor signs — whatever the
 * configuration says, it signs only where the node itself is the dev chain.
 */
class DevWalletIT {

    @Test
    void a_node_reporting_another_chain_id_gets_no_signature() {
        try (DevChain other = DevChain.start(ContractsProject.locate(), 0, 1337)) {
            HttpService rpc = new HttpService(other.rpcUrl());
            DevWallet wallet = new DevWallet(new ChainDeployment(ChainDeployment.DEV_CHAIN_ID, other.rpcUrl(), null), Web3j.build(rpc), rpc);

            assertThatThrownBy(wallet::accounts).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The node reports chain id 1337; the dev wallet signs only on chain 31337.");
            assertThatThrownBy(() -> wallet.personalSign(DevAccounts.get(0).getAddress(), "Sign in"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("chain id 1337");
        }
    }

    @Test
    void the_dev_chain_node_signs() {
        try (DevChain chain = DevChain.start(ContractsProject.locate(), 0, DevChain.CHAIN_ID)) {
            HttpService rpc = new HttpService(chain.rpcUrl());
            DevWallet wallet = new DevWallet(new ChainDeployment(ChainDeployment.DEV_CHAIN_ID, chain.rpcUrl(), null), Web3j.build(rpc), rpc);

            assertThat(wallet.accounts()).hasSize(DevAccounts.COUNT);
            assertThat(wallet.personalSign(DevAccounts.get(0).getAddress(), "Sign in")).startsWith("0x").hasSize(132);
        }
    }
}
