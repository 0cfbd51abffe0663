package org.modeldao.app.proposals;

import static org.modeldao.app.proposals.ChainCall.attempt;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.modeldao.contracts.ContractErrors;
import org.modeldao.contracts.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.TransactionManager;

/**
 * The app's own account that pays gas for members' signed votes and delegations. It only ever
 * sends what a verified signature authorises, and simulates first so a call the chain would
 * refuse costs nothing.
 */
public class Relayer {

    private static final Logger log = LoggerFactory.getLogger(Relayer.class);

    private final Web3j web3j;
    private final Optional<Credentials> account;
    private final long chainId;

    public Relayer(Web3j web3j, Optional<Credentials> account, long chainId) {
        this.web3j = web3j;
        this.account = account;
        this.chainId = chainId;
    }

    public boolean enabled() {
        return account.isPresent();
    }

    public Optional<String> address() {
        return account.map(Credentials::getAddress);
    }

    /** Simulates, then sends and waits for the receipt. Serialised: one account, one nonce sequence. */
    public synchronized RelayOutcome relay(String to, String data, String what) {
        if (account.isEmpty()) {
            return new RelayOutcome.Refused("Gasless relaying is off on this server (no relayer account configured); send it from your wallet instead.");
        }
        String from = account.get().getAddress();
        Optional<ContractErrors.Revert> revert = ContractErrors.simulate(web3j, from, to, data);
        if (revert.isPresent()) {
            return new RelayOutcome.Refused("The chain would refuse this " + what + ": " + revert.get());
        }
        TransactionManager signer = Transactions.signer(web3j, account.get(), chainId, Duration.ofMillis(100));
        BigInteger gasPrice = attempt("read the gas price", () -> web3j.ethGasPrice().send().getGasPrice()).multiply(BigInteger.TWO);
        EthSendTransaction sent = attempt("relay the " + what,
                () -> signer.sendTransaction(gasPrice, Transactions.GAS_LIMIT, to, data, BigInteger.ZERO));
        if (sent.hasError()) {
            return new RelayOutcome.Refused("The node refused the " + what + ": " + sent.getError().getMessage());
        }
        TransactionReceipt receipt = attempt("wait for the " + what, () -> new PollingTransactionReceiptProcessor(web3j, 100, 600)
                .waitForTransactionReceipt(sent.getTransactionHash()));
        if (!receipt.isStatusOK()) {
            return new RelayOutcome.Refused("The " + what + " transaction " + receipt.getTransactionHash() + " reverted.");
        }
        log.info("Relayed {} in transaction {} (block {})", what, receipt.getTransactionHash(), receipt.getBlockNumber());
        return new RelayOutcome.Relayed(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact());
    }
}
