package org.modeldao.app.wallet;

import static org.modeldao.app.chain.ChainCall.attempt;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.modeldao.app.base.quota.KeyedRateLimit;
import org.modeldao.app.wallet.RelayOutcome.Refused;
import org.modeldao.app.wallet.RelayOutcome.Why;
import org.modeldao.contracts.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The app's own account that pays gas for members' signed votes and delegations. It only ever
 * sends what a verified signature authorises, within quotas per client and per signer and a
 * daily spending cap, and only a transaction whose simulation — with the very gas limit and
 * price it is then sent with — succeeds, so nothing it pays for reverts.
 */
public class Relayer {

    private static final Logger log = LoggerFactory.getLogger(Relayer.class);
    /** Head-room over the node's estimate, for state that moves between simulation and mining. */
    private static final int GAS_HEADROOM_PERCENT = 20;
    /** Longest a relay waits for its turn (other relays of this key, on any replica) before it is refused. */
    public static final Duration RELAY_TURN_WAIT = Duration.ofSeconds(30);

    private final Web3j web3j;
    private final Optional<Credentials> account;
    private final long chainId;
    private final RelayBudget budget;
    private final RelayerProperties limits;
    private final KeyedRateLimit perAccount;
    private final KeyedRateLimit perClient;
    private final RelayLock lock;

    /** One instance only: relays serialised in this process (see {@link RelayLock}). */
    public Relayer(Web3j web3j, Optional<Credentials> account, long chainId, RelayBudget budget, RelayerProperties limits) {
        this(web3j, account, chainId, budget, limits, RelayLock.inProcess(RELAY_TURN_WAIT));
    }

    public Relayer(Web3j web3j, Optional<Credentials> account, long chainId, RelayBudget budget, RelayerProperties limits,
            RelayLock lock) {
        this.lock = lock;
        this.web3j = web3j;
        this.account = account;
        this.chainId = chainId;
        this.budget = budget;
        this.limits = limits;
        this.perAccount = new KeyedRateLimit(limits.perAccount().relays(), limits.perAccount().period(), limits.maxTrackedKeys());
        this.perClient = new KeyedRateLimit(limits.perClient().relays(), limits.perClient().period(), limits.maxTrackedKeys());
    }

    /** A relayer with no account: gasless voting and delegation are off. */
    public static Relayer off() {
        return new Relayer(null, Optional.empty(), 0, null, RelayerProperties.defaults());
    }

    public boolean enabled() {
        return account.isPresent();
    }

    public Optional<String> address() {
        return account.map(Credentials::getAddress);
    }

    /** Today's budget, when relaying is on. */
    public Optional<RelayBudget.Status> budget() {
        return account.map(a -> budget.status());
    }

    /**
     * The cheap checks, before anything asks the node: relaying is on, this client (IP address)
     * is within its quota and the day's budget is not spent. Every attempt counts, refused or not.
     */
    public Optional<Refused> admit(String client) {
        if (account.isEmpty()) {
            return Optional.of(relayingOff());
        }
        Optional<Duration> wait = perClient.tryAcquire(client);
        if (wait.isPresent()) {
            return Optional.of(new Refused("Too many gasless requests from your address (" + limits.perClient().relays() + " per "
                    + human(limits.perClient().period()) + "); try again in " + human(wait.get()) + " or send it from your wallet.",
                    Why.QUOTA, wait));
        }
        RelayBudget.Status today = budget.status();
        if (today.exhausted()) {
            return Optional.of(budgetSpent(today));
        }
        return Optional.empty();
    }

    /**
     * Sends {@code data} to {@code to} for {@code signer} (whose signature the caller verified),
     * and waits for the receipt. The signer's quota is counted first; then, serialised across
     * replicas by the {@link RelayLock} (one account, one nonce sequence): estimate, simulate with the real limit, reserve the worst
     * case against the day's cap, send, settle to the receipt's cost.
     */
    public RelayOutcome relay(String to, String data, String what, String signer) {
        if (account.isEmpty()) {
            return relayingOff();
        }
        Optional<Duration> wait = perAccount.tryAcquire(signer.toLowerCase());
        if (wait.isPresent()) {
            return new Refused(signer + " has used its " + limits.perAccount().relays() + " gasless transactions per "
                    + human(limits.perAccount().period()) + "; try again in " + human(wait.get()) + " or send it from your wallet.",
                    Why.QUOTA, wait);
        }
        try {
            return lock.holding(() -> send(to, data, what));
        } catch (RelayLock.RelayerBusy busy) {
            return new Refused(busy.getMessage(), Why.QUOTA, Optional.of(Duration.ofSeconds(5)));
        }
    }

    private static Refused relayingOff() {
        return new Refused("Gasless relaying is off on this server (no relayer account configured); send it from your wallet instead.",
                Why.OFF, Optional.empty());
    }

    private RelayOutcome send(String to, String data, String what) {
        String from = account.orElseThrow().getAddress();
        BigInteger gasPrice = attempt("read the gas price", () -> web3j.ethGasPrice().send().getGasPrice()).multiply(BigInteger.TWO);
        EthEstimateGas estimate = attempt("estimate the gas of the " + what,
                () -> web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(from, null, gasPrice, null, to, data)).send());
        if (estimate.hasError()) {
            return new Refused("The chain would refuse this " + what + ": " + revert(estimate.getError()));
        }
        BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(100 + GAS_HEADROOM_PERCENT)).divide(BigInteger.valueOf(100));
        if (gasLimit.compareTo(BigInteger.valueOf(limits.maxGas())) > 0) {
            return new Refused("This " + what + " needs about " + gasLimit + " gas, more than the relayer pays for one transaction ("
                    + limits.maxGas() + "); send it from your wallet.");
        }
        EthCall simulated = attempt("simulate the " + what, () -> web3j.ethCall(
                Transaction.createFunctionCallTransaction(from, null, gasPrice, gasLimit, to, data), DefaultBlockParameterName.PENDING).send());
        if (simulated.hasError()) {
            return new Refused("The chain would refuse this " + what + " with " + gasLimit + " gas: " + revert(simulated.getError()));
        }
        Optional<RelayBudget.Reservation> reservation = budget.reserve(gasLimit.multiply(gasPrice));
        if (reservation.isEmpty()) {
            return budgetSpent(budget.status());
        }
        return sendReserved(to, data, what, gasPrice, gasLimit, reservation.get());
    }

    private RelayOutcome sendReserved(String to, String data, String what, BigInteger gasPrice, BigInteger gasLimit,
            RelayBudget.Reservation reservation) {
        TransactionManager signer = Transactions.signer(web3j, account.orElseThrow(), chainId, Duration.ofMillis(100));
        EthSendTransaction sent;
        try {
            sent = attempt("relay the " + what, () -> signer.sendTransaction(gasPrice, gasLimit, to, data, BigInteger.ZERO));
        } catch (RuntimeException notSent) {
            budget.release(reservation);
            throw notSent;
        }
        if (sent.hasError()) {
            budget.release(reservation);
            return new Refused("The node refused the " + what + ": " + sent.getError().getMessage());
        }
        TransactionReceipt receipt;
        try {
            receipt = attempt("wait for the " + what, () -> new PollingTransactionReceiptProcessor(web3j, 100, 600)
                    .waitForTransactionReceipt(sent.getTransactionHash()));
        } catch (RuntimeException fateUnknown) {
            // it may still be mined: count the worst case rather than let the cap be overshot
            budget.settle(reservation, reservation.wei());
            throw fateUnknown;
        }
        BigInteger cost = receipt.getGasUsed().multiply(paidPrice(receipt, gasPrice));
        budget.settle(reservation, cost);
        if (!receipt.isStatusOK()) {
            log.error("Relayed {} reverted on chain although its simulation passed: transaction {}", what, receipt.getTransactionHash());
            return new Refused("The " + what + " transaction " + receipt.getTransactionHash() + " reverted.");
        }
        log.info("Relayed {} in transaction {} (block {}, {} gas, {} wei)", what, receipt.getTransactionHash(), receipt.getBlockNumber(),
                receipt.getGasUsed(), cost);
        return new RelayOutcome.Relayed(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact());
    }

    private static BigInteger paidPrice(TransactionReceipt receipt, BigInteger offered) {
        String effective = receipt.getEffectiveGasPrice();
        return effective == null || effective.isBlank() ? offered : Numeric.decodeQuantity(effective);
    }

    private Refused budgetSpent(RelayBudget.Status today) {
        return new Refused("The relayer's gas budget for today is used up (" + today.describe() + "); send it from your wallet, or sign again tomorrow.",
                Why.BUDGET, Optional.of(today.untilReset()));
    }

    /** The decoded revert from an eth_call / eth_estimateGas error (out of gas has no data: the node's message then). */
    private static String revert(org.web3j.protocol.core.Response.Error error) {
        String data = error.getData();
        if (data != null) {
            String hex = data.strip().replace("\"", "");
            if (hex.startsWith("0x") && hex.length() >= 10) {
                return org.modeldao.contracts.ContractErrors.decode(hex).toString();
            }
        }
        return error.getMessage();
    }

    private static String human(Duration duration) {
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        if (duration.toMinutes() >= 1) {
            return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
        }
        return Math.max(1, duration.toSecondsPart() + (duration.toMillisPart() > 0 ? 1 : 0)) + " s";
    }
}
