package org.modeldao.app.identity.devwallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modeldao.app.chain.ChainProperties;
import org.modeldao.app.chain.ChainUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSign;
import org.web3j.utils.Numeric;

/**
 * Signs in as one of the dev chain node's unlocked accounts, by asking the node to
 * {@code personal_sign}. Exists only under the {@code dev} Spring profile, refuses to start unless
 * the configured chain id is 31337, and checks the node's own chain id before every use: it can
 * never sign for a real network.
 */
@Component
@Profile("dev")
public class DevWallet {

    private static final Logger log = LoggerFactory.getLogger(DevWallet.class);

    private final Web3j web3j;
    private final Web3jService rpc;

    public DevWallet(ChainProperties chain, Web3j web3j, Web3jService rpc) {
        if (chain.chainId() != ChainProperties.DEV_CHAIN_ID) {
            throw new IllegalStateException("The dev wallet only works on the local dev chain (chain id "
                    + ChainProperties.DEV_CHAIN_ID + "), but modeldao.chain.chain-id is " + chain.chainId()
                    + ". Run without the 'dev' profile.");
        }
        this.web3j = web3j;
        this.rpc = rpc;
        log.warn("Dev wallet enabled: anyone reaching this app can sign in as the dev chain's unlocked accounts.");
    }

    /** The node's unlocked accounts, checksummed. */
    public List<String> accounts() {
        try {
            requireDevChain();
            return web3j.ethAccounts().send().getAccounts().stream().map(Keys::toChecksumAddress).toList();
        } catch (IOException e) {
            throw new ChainUnavailable("The dev chain node does not answer: " + e.getMessage(), e);
        }
    }

    /** EIP-191 personal_sign of {@code message} by the node's unlocked {@code address}. */
    public String personalSign(String address, String message) {
        try {
            requireDevChain();
            String data = Numeric.toHexString(message.getBytes(StandardCharsets.UTF_8));
            EthSign response = new Request<>("personal_sign", List.of(data, address), rpc, EthSign.class).send();
            if (response.hasError()) {
                throw new IllegalArgumentException("The dev chain refused to sign for " + address + ": " + response.getError().getMessage());
            }
            return response.getSignature();
        } catch (IOException e) {
            throw new ChainUnavailable("The dev chain node does not answer: " + e.getMessage(), e);
        }
    }

    private void requireDevChain() throws IOException {
        long nodeChainId = web3j.ethChainId().send().getChainId().longValueExact();
        if (nodeChainId != ChainProperties.DEV_CHAIN_ID) {
            throw new IllegalStateException("The node reports chain id " + nodeChainId + "; the dev wallet signs only on chain " + ChainProperties.DEV_CHAIN_ID + ".");
        }
    }
}
