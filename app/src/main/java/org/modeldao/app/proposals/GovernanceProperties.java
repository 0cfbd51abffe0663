package org.modeldao.app.proposals;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rest of the DAO lives, beyond the token and governor of {@code modeldao.chain}:
 * either a deployment descriptor written by the GovernanceDeployer, or the addresses.
 *
 * @param deploymentFile  descriptor JSON; when set, it wins over every address here and in modeldao.chain
 * @param timelock        ModelDaoTimelock address
 * @param registry        ModelRegistry address
 * @param deploymentBlock first block to read governance events from
 * @param relayerKey      hex private key of the account that pays gas for signed votes and
 *                        delegations; empty = the dev chain's account #19 on chain 31337, otherwise relaying is off
 */
@ConfigurationProperties("modeldao.governance")
public record GovernanceProperties(Path deploymentFile, String timelock, String registry, long deploymentBlock, String relayerKey) {

    public GovernanceProperties {
        timelock = timelock == null ? "" : timelock.strip();
        registry = registry == null ? "" : registry.strip();
        relayerKey = relayerKey == null ? "" : relayerKey.strip();
    }
}
