package org.modeldao.app.wallet;

import static org.modeldao.app.chain.ChainCall.attempt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.modeldao.app.chain.ChainDeployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthSign;
import org.web3j.utils.Numeric;

/**
 * The dev profile's stand-in for a browser wallet: the dev chain node signs and sends for its
 * unlocked accounts ({@code personal_sign} to sign in, {@code eth_signTypedData_v4} and
 * {@code eth_sendTransaction} for votes, delegations and proposals). Exists only under the
 * {@code dev} Spring profile, refuses to start unless the configured chain id is 31337, and checks
 * the node's own chain id before every use: it can never sign for a real network.
 */
@Component
@Profile("dev")
public class DevWallet {

    private static final Logger log = LoggerFactory.getLogger(DevWallet.class);

    private final Web3j web3j;
    private final Web3jService rpc;

    public DevWallet(ChainDeployment chain, Web3j web3j, Web3jService rpc) {
        if (!chain.isDevChain()) {
            throw new IllegalStateException("The dev wallet only works on the local dev chain (chain id "
                    + ChainDeployment.DEV_CHAIN_ID + "), but the configured chain id is " + chain.chainId()
                    + ". Run without the 'dev' profile.");
        }
        this.web3j = web3j;
        this.rpc = rpc;
        log.warn("Dev wallet enabled: anyone reaching this app can sign and send as the dev chain's unlocked accounts.");
    }

    /** The node's unlocked accounts, checksummed. */
    public List<String> accounts() {
        requireDevChain();
        return attempt("list the dev accounts", () -> web3j.ethAccounts().send().getAccounts()).stream()
                .map(Keys::toChecksumAddress).toList();
    }

    /** Whether {@code address} is one of the node's unlocked accounts (else the member's browser wallet signs). */
    public boolean controls(String address) {
        return accounts().stream().anyMatch(account -> account.equalsIgnoreCase(address));
    }

    /** EIP-191 personal_sign of {@code message} by the node's unlocked {@code address}. */
    public String personalSign(String address, String message) {
        requireDevChain();
        String data = Numeric.toHexString(message.getBytes(StandardCharsets.UTF_8));
        EthSign signed = attempt("sign with the dev account",
                () -> new Request<>("personal_sign", List.of(data, address), rpc, EthSign.class).send());
        if (signed.hasError()) {
            throw new IllegalArgumentException("The dev chain refused to sign for " + address + ": " + signed.getError().getMessage());
        }
        return signed.getSignature();
    }

    /** @return the 0x-hex signature over the EIP-712 typed data */
    public String signTypedData(String address, String typedDataJson) {
        requireDevChain();
        EthSign signed = attempt("sign with the dev account",
                () -> new Request<>("eth_signTypedData_v4", List.of(address, typedDataJson), rpc, EthSign.class).send());
        if (signed.hasError()) {
            throw new WalletRefused("The dev chain refused to sign: " + signed.getError().getMessage());
        }
        return signed.getSignature();
    }

    /** @return the transaction hash */
    public String send(WalletTransaction transaction) {
        requireDevChain();
        Map<String, String> tx = Map.of("from", transaction.from(), "to", transaction.to(), "data", transaction.data());
        EthSendTransaction sent = attempt("send from the dev account",
                () -> new Request<>("eth_sendTransaction", List.of(tx), rpc, EthSendTransaction.class).send());
        if (sent.hasError()) {
            throw new WalletRefused("The dev chain refused the transaction: " + sent.getError().getMessage());
        }
        return sent.getTransactionHash();
    }

    private void requireDevChain() {
        long nodeChainId = attempt("read the chain id", () -> web3j.ethChainId().send().getChainId()).longValueExact();
        if (nodeChainId != ChainDeployment.DEV_CHAIN_ID) {
            throw new IllegalStateException("The node reports chain id " + nodeChainId + "; the dev wallet signs only on chain "
                    + ChainDeployment.DEV_CHAIN_ID + ".");
        }
    }
}
