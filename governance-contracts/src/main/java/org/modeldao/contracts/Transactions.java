package org.modeldao.contracts;

import java.math.BigInteger;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * How the project sends transactions: signed locally (works with any JSON-RPC node, no
 * unlocked accounts needed) and with receipts polled at a rate that suits the node.
 */
public final class Transactions {

    /** Enough for the largest call the project makes (deploying the Governor), under every public chain's block limit. */
    public static final BigInteger GAS_LIMIT = BigInteger.valueOf(8_000_000);
    private static final int RECEIPT_ATTEMPTS = 600;

    private Transactions() {
    }

    public static TransactionManager signer(Web3j web3j, Credentials credentials, long chainId, Duration receiptPolling) {
        var receipts = new PollingTransactionReceiptProcessor(web3j, receiptPolling.toMillis(), RECEIPT_ATTEMPTS);
        return new RawTransactionManager(web3j, credentials, chainId, receipts);
    }

    /** For view calls only: any transaction through it fails. */
    public static TransactionManager readOnly(Web3j web3j) {
        return new ReadonlyTransactionManager(web3j, "0x0000000000000000000000000000000000000000");
    }

    /** Legacy gas price taken from the node once (eth_gasPrice), fixed gas limit. */
    public static ContractGasProvider gasFromNode(Web3j web3j) {
        try {
            BigInteger price = web3j.ethGasPrice().send().getGasPrice();
            return new StaticGasProvider(price.multiply(BigInteger.TWO), GAS_LIMIT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("eth_gasPrice failed", e);
        }
    }
}
