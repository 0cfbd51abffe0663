package org.modeldao.app.wallet.internal;

import org.modeldao.app.wallet.RelayerProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relayer's account (its spending limits are {@code modeldao.relayer.*}, {@link org.modeldao.app.wallet.RelayerProperties}).
 *
 * @param relayerKey hex private key of the account that pays gas for signed votes and
 *                   delegations; empty = the dev chain's account #19 on chain 31337, otherwise relaying is off
 */
@ConfigurationProperties("modeldao.governance")
record RelayerKeyProperties(String relayerKey) {

    RelayerKeyProperties {
        relayerKey = relayerKey == null ? "" : relayerKey.strip();
    }
}
