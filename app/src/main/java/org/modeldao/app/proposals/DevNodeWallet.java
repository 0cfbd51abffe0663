package org.modeldao.app.proposals;

import static org.modeldao.app.proposals.ChainCall.attempt;

import java.util.List;
import java.util.Map;
import org.modeldao.app.chain.ChainDeployment;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthSign;

/**
 * The dev profile's stand-in for a browser wallet: the dev chain node signs and sends for its
 * unlocked accounts ({@code eth_sendTransaction}, {@code eth_signTypedData_v4}). Exists only in
 * the dev profile and only ever talks to chain 31337, like the identity feature's DevWallet.
 */
@Service
@Profile("dev")
public class DevNodeWallet {

    private final Web3j web3j;
    private final Web3jService rpc;

    public DevNodeWallet(Web3j web3j, Web3jService rpc) {
        this.web3j = web3j;
        this.rpc = rpc;
    }

    public boolean controls(String address) {
        requireDevChain();
        return attempt("list the dev accounts", () -> web3j.ethAccounts().send().getAccounts()).stream()
                .anyMatch(account -> account.equalsIgnoreCase(address));
    }

    /** @return the transaction hash */
    public String send(WalletTransaction transaction) {
        requireDevChain();
        Map<String, String> tx = Map.of("from", transaction.from(), "to", transaction.to(), "data", transaction.data());
        EthSendTransaction sent = attempt("send from the dev account",
                () -> new Request<>("eth_sendTransaction", List.of(tx), rpc, EthSendTransaction.class).send());
        if (sent.hasError()) {
            throw new GovernanceActionRefused("The dev chain refused the transaction: " + sent.getError().getMessage());
        }
        return sent.getTransactionHash();
    }

    /** @return the 0x-hex signature */
    public String signTypedData(String address, String typedDataJson) {
        requireDevChain();
        EthSign signed = attempt("sign with the dev account",
                () -> new Request<>("eth_signTypedData_v4", List.of(address, typedDataJson), rpc, EthSign.class).send());
        if (signed.hasError()) {
            throw new GovernanceActionRefused("The dev chain refused to sign: " + signed.getError().getMessage());
        }
        return signed.getSignature();
    }

    private void requireDevChain() {
        long chainId = attempt("read the chain id", () -> web3j.ethChainId().send().getChainId()).longValueExact();
        if (chainId != ChainDeployment.DEV_CHAIN_ID) {
            throw new IllegalStateException("The dev node wallet only signs on chain " + ChainDeployment.DEV_CHAIN_ID + ", not " + chainId);
        }
    }
}
