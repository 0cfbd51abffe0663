package org.modeldao.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.modeldao.app.chain.ChainDeployment;
import org.springframework.context.annotation.Profile;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

class DevWalletTest {

    @Test
    void exists_only_under_the_dev_profile() {
        assertThat(DevWallet.class.getAnnotation(Profile.class).value()).containsExactly("dev");
    }

    @Test
    void refuses_to_start_for_any_chain_but_the_local_dev_chain() {
        HttpService rpc = new HttpService("http://127.0.0.1:9");
        ChainDeployment mainnet = new ChainDeployment(1, rpc.getUrl(), null);

        assertThatThrownBy(() -> new DevWallet(mainnet, Web3j.build(rpc), rpc))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("31337");
    }

    @Test
    void starts_for_the_local_dev_chain() {
        HttpService rpc = new HttpService("http://127.0.0.1:9");

        assertThat(new DevWallet(new ChainDeployment(31337, rpc.getUrl(), null), Web3j.build(rpc), rpc)).isNotNull();
    }
}
