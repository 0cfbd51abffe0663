package org.modeldao.app.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the DAO's contracts live. Until the governance deployment descriptor is wired in, the
 * addresses are configured directly; an empty token or governor address means "no deployment
 * known", and everyone reads as holding no voting power.
 *
 * @param rpcUrl JSON-RPC endpoint of the chain node
 * @param chainId EIP-155 chain id sign-in messages must name (31337 = local dev chain)
 * @param token GovernanceToken address, or empty
 * @param governor ModelDaoGovernor address, or empty
 */
@ConfigurationProperties("modeldao.chain")
public record ChainProperties(String rpcUrl, long chainId, String token, String governor) {

    /** Hardhat's and Anvil's chain id; the only chain the dev wallet may ever sign for. */
    public static final long DEV_CHAIN_ID = 31337;

    public ChainProperties {
        rpcUrl = rpcUrl == null || rpcUrl.isBlank() ? "http://127.0.0.1:8545" : rpcUrl;
        chainId = chainId == 0 ? DEV_CHAIN_ID : chainId;
        token = token == null ? "" : token.trim();
        governor = governor == null ? "" : governor.trim();
    }

    public boolean hasDeployment() {
        return !token.isEmpty() && !governor.isEmpty();
    }
}
