package org.modeldao.app.proposals;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the governance flows (which DAO is governed comes from {@code modeldao.chain}).
 *
 * @param relayerKey   hex private key of the account that pays gas for signed votes and
 *                     delegations; empty = the dev chain's account #19 on chain 31337, otherwise relaying is off
 */
@ConfigurationProperties("modeldao.governance")
public record GovernanceProperties(String relayerKey) {

    public GovernanceProperties {
        relayerKey = relayerKey == null ? "" : relayerKey.strip();
    }
}
