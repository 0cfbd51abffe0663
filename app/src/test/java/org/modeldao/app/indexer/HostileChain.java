package org.modeldao.app.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.devchain.DevChain;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.TransactionManager;

/** What an attacker does to the DAO's logs, with real transactions on the dev chain: raw vote reasons, log spam. */
final class HostileChain {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HostileChain.class);

    private static final int TRANSFERS_PER_SPAM_TX = 2_500;

    private final DevChain chain;
    private final String governor;
    private final String token;
    private final HttpService rpc;
    private final Web3j web3j;
    private String spammer;

    HostileChain(IndexerFixture dao) {
        this.chain = dao.chain;
        // a transaction emitting thousands of logs keeps the node busy for seconds: more than web3j's default read timeout
        this.rpc = new HttpService(dao.chain.rpcUrl(), new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build());
        this.web3j = Web3j.build(rpc);
        this.governor = dao.deployment.governor();
        this.token = dao.deployment.token();
    }

    /**
     * castVoteWithReason with the reason's bytes as given (an ABI string and bytes encode alike), so
     * the log carries exactly these bytes — invalid UTF-8 included, which web3j's string type cannot send.
     */
    TransactionReceipt voteWithRawReason(Credentials voter, BigInteger proposalId, int support, byte[] reason) {
        String selector = Hash.sha3String("castVoteWithReason(uint256,uint8,string)").substring(0, 10);
        String data = selector + FunctionEncoder.encodeConstructor(List.of(new Uint256(proposalId), new Uint8(support),
                new DynamicBytes(reason)));
        return send(voter, governor, data, BigInteger.valueOf(5_000_000));
    }

    /** {@code count} zero-amount token transfers (one Transfer log each), in as few transactions as fit a block. */
    List<TransactionReceipt> spamTransfers(Credentials spammerAccount, int count) {
        if (spammer == null) {
            spammer = deploySpammer(spammerAccount);
        }
        List<TransactionReceipt> receipts = new ArrayList<>();
        long started = System.nanoTime();
        for (int left = count; left > 0; left -= TRANSFERS_PER_SPAM_TX) {
            int n = Math.min(left, TRANSFERS_PER_SPAM_TX);
            String data = FunctionEncoder.encode(new Function("spam", List.of(new Address(token), new Uint256(n)), List.of()));
            receipts.add(send(spammerAccount, spammer, data, BigInteger.valueOf(28_000_000)));
        }
        log.info("{} spam transfers sent in {} ms (gas used per transaction: {})", count, (System.nanoTime() - started) / 1_000_000,
                receipts.getFirst().getGasUsed());
        return receipts;
    }

    private String deploySpammer(Credentials deployer) {
        try {
            String bin = Files.readString(Path.of(System.getProperty("modeldao.test-contracts.dir", "target/test-contracts"),
                    "LogSpammer.bin")).strip();
            TransactionReceipt receipt = send(deployer, "", "0x" + bin, BigInteger.valueOf(1_000_000));
            return receipt.getContractAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TransactionReceipt send(Credentials from, String to, String data, BigInteger gas) {
        try {
            String hash = Transactions.signer(web3j, from, chain.chainId(), Duration.ofMillis(20))
                    .sendTransaction(gasPrice(), gas, to, data, BigInteger.ZERO).getTransactionHash();
            TransactionReceipt receipt = receipt(hash);
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("transaction reverted: " + receipt);
            }
            return receipt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Twice the node's price: spam fills blocks, so the base fee climbs while the test runs. */
    private BigInteger gasPrice() throws IOException {
        return web3j.ethGasPrice().send().getGasPrice().shiftLeft(1);
    }

    private TransactionReceipt receipt(String hash) {
        try {
            return web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt()
                    .orElseThrow(() -> new IllegalStateException("no receipt for " + hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void raw(String method, List<?> params) {
        try {
            DevChain.RawResponse response = new Request<>(method, params, rpc, DevChain.RawResponse.class).send();
            if (response.hasError()) {
                throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
