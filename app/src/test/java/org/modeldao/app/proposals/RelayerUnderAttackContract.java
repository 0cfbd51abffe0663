package org.modeldao.app.proposals;

import org.modeldao.app.wallet.RelayerProperties;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.RelayBudget;
import org.modeldao.app.wallet.Relayer;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.GovernanceChainFixture;
import org.modeldao.app.delegation.SignedDelegation;
import org.modeldao.app.proposals.ProposalAction.ApproveVersion;
import org.modeldao.app.wallet.RelayOutcome.Refused;
import org.modeldao.app.wallet.RelayOutcome.Relayed;
import org.modeldao.app.wallet.RelayOutcome.Why;
import org.modeldao.app.voting.Ballot;
import org.modeldao.contracts.BallotSignatures;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.VoteType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A scripted attacker against the relayer on a real dev chain, with the spending ledger on the
 * database of the subclass: dozens of fresh keys (some given tokens, most not), replays of the
 * same signature, parallel duplicates, 10,000-character reasons, endless re-delegation. The
 * relayer's balance on chain must not drop by more than the daily cap, and every transaction it
 * sent must have succeeded.
 */
abstract class RelayerUnderAttackContract {

    private static final Logger log = LoggerFactory.getLogger(RelayerUnderAttackContract.class);
    static final BigDecimal CAP_ETH = new BigDecimal("0.008");
    static final RelayerProperties LIMITS = new RelayerProperties(CAP_ETH, new RelayerProperties.Quota(5, Duration.ofHours(1)),
            new RelayerProperties.Quota(20, Duration.ofHours(1)), 1_000, 500_000L);
    static final String SHARED_ATTACKER_IP = "192.0.2.66";

    static GovernanceChainFixture dao;

    static void startOn(String databaseKind) {
        dao = GovernanceChainFixture.start(databaseKind, LIMITS);
    }

    @AfterAll
    static void stop() {
        if (dao != null) {
            dao.close();
        }
    }

    private final Queue<RelayOutcome> outcomes = new ConcurrentLinkedQueue<>();

    @Test
    void a_scripted_attacker_never_makes_the_relayer_spend_beyond_its_cap_nor_send_a_transaction_that_reverts() throws Exception {
        List<Credentials> voters = freshKeys(6);
        List<Credentials> spammers = freshKeys(10);
        List<Credentials> tokenless = freshKeys(12);
        for (Credentials holder : concat(voters, spammers)) {
            dao.devGovernance.token(dao.admin).transfer(holder.getAddress(), DeploymentSettings.tokens(100)).send();
        }
        String relayerAddress = dao.relayerAccount.getAddress();
        BigInteger balanceBefore = balance(relayerAddress);
        long firstBlock = dao.chain.blockNumber() + 1;

        // 1. voters take their voting power by signature (legitimate, paid), replays refused
        for (int i = 0; i < voters.size(); i++) {
            Credentials voter = voters.get(i);
            SignedDelegation signed = signedDelegation(voter, voter.getAddress());
            assertThat(record(dao.delegation.relay(signed, ip(i)))).as("self-delegation of a holder").isInstanceOf(Relayed.class);
            assertRefused(dao.delegation.relay(signed, ip(i)), Why.NOT_RELAYABLE, "nonce");
        }
        // 2. keys without tokens: delegating changes nothing, refused before the chain is asked to run anything;
        //    all from one address, which runs into its quota
        for (int round = 0; round < 3; round++) {
            for (Credentials nobody : tokenless) {
                SignedDelegation signed = sign(new SignedDelegation(nobody.getAddress(), voters.getFirst().getAddress(),
                        BigInteger.ZERO, java.time.Instant.now().plusSeconds(600).getEpochSecond(), ""), nobody);
                record(dao.delegation.relay(signed, SHARED_ATTACKER_IP));
            }
        }
        assertThat(refusals(Why.QUOTA)).as("one address is cut off after 20 requests").hasSize(3 * 12 - 20);
        assertThat(outcomes).filteredOn(o -> o instanceof Refused r && r.reason().contains("holds no tokens")).hasSize(20);

        // 3. a proposal opens; votes: 10,000-character reasons refused, 1,000-character ones (3 bytes a character) relayed in parallel, replays refused
        BigInteger proposalId = openProposal();
        String longestReason = "議".repeat(Ballot.MAX_REASON_LENGTH);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Void>> votes = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            Credentials voter = voters.get(i);
            String client = ip(i);
            votes.add(() -> {
                Ballot oversized = new Ballot(proposalId, VoteType.FOR, voter.getAddress(), "x".repeat(10_000),
                        dao.governor.governorNonce(voter.getAddress()));
                assertRefused(dao.votes.relay(oversized, signBallot(oversized, voter), client), Why.NOT_RELAYABLE, "10000 characters");
                Ballot ballot = dao.votes.prepare(voter.getAddress(), proposalId, VoteType.FOR, longestReason);
                String signature = signBallot(ballot, voter);
                assertThat(record(dao.votes.relay(ballot, signature, client))).as("a vote with the longest reason").isInstanceOf(Relayed.class);
                assertRefused(dao.votes.relay(ballot, signature, client), Why.NOT_RELAYABLE, "");
                return null;
            });
        }
        for (Credentials nobody : tokenless.subList(0, 4)) {
            votes.add(() -> {
                Ballot ballot = new Ballot(proposalId, VoteType.AGAINST, nobody.getAddress(), "", BigInteger.ZERO);
                assertRefused(dao.votes.relay(ballot, signBallot(ballot, nobody), "203.0.113.9"), Why.NOT_RELAYABLE, "no votes");
                return null;
            });
        }
        runAll(pool, votes);

        // 3b. a relayer allowed less gas than a long-reason vote needs refuses it before sending; the ballot stays usable
        RelayerProperties tight = new RelayerProperties(CAP_ETH, LIMITS.perAccount(), LIMITS.perClient(), 1_000, 60_000L);
        var tightVotes = new org.modeldao.app.voting.VoteService(dao.contracts, dao.governor,
                new Relayer(dao.chain.web3j(), java.util.Optional.of(dao.relayerAccount), dao.chain.chainId(), dao.relayBudget, tight));
        Ballot adminBallot = tightVotes.prepare(dao.admin.getAddress(), proposalId, VoteType.FOR, longestReason);
        assertRefused(tightVotes.relay(adminBallot, signBallot(adminBallot, dao.admin), "203.0.113.7"), Why.NOT_RELAYABLE,
                "more than the relayer pays for one transaction (60000)");
        assertThat(dao.governor.hasVoted(proposalId, dao.admin.getAddress())).isFalse();
        assertThat(dao.governor.governorNonce(dao.admin.getAddress())).isEqualTo(adminBallot.nonce());

        // 4. endless re-delegation from many keys in parallel, each signature also sent three times at once and replayed
        List<Callable<Void>> spam = new ArrayList<>();
        for (int i = 0; i < spammers.size(); i++) {
            Credentials spammer = spammers.get(i);
            Credentials other = spammers.get((i + 1) % spammers.size());
            String client = ip(100 + i);
            spam.add(() -> {
                for (int round = 0; round < 8; round++) {
                    String to = round % 2 == 0 ? spammer.getAddress() : other.getAddress();
                    SignedDelegation signed;
                    try {
                        signed = signedDelegation(spammer, to);
                    } catch (GovernanceActionRefused pointless) {
                        continue;
                    }
                    List<Future<RelayOutcome>> duplicates = new ArrayList<>();
                    for (int copy = 0; copy < 3; copy++) {
                        duplicates.add(pool.submit(() -> dao.delegation.relay(signed, client)));
                    }
                    for (Future<RelayOutcome> duplicate : duplicates) {
                        record(duplicate.get());
                    }
                    record(dao.delegation.relay(signed, client));
                }
                return null;
            });
        }
        ExecutorService spammerThreads = Executors.newFixedThreadPool(spammers.size());
        runAll(spammerThreads, spam);
        spammerThreads.shutdown();
        pool.shutdown();

        BigInteger spent = balanceBefore.subtract(balance(relayerAddress));
        BigInteger cap = CAP_ETH.movePointRight(18).toBigIntegerExact();
        List<TransactionReceipt> relayerTransactions = transactionsFrom(relayerAddress, firstBlock);
        Map<Why, Long> refusedBy = outcomes.stream().filter(o -> o instanceof Refused)
                .collect(Collectors.groupingBy(o -> ((Refused) o).why(), Collectors.counting()));
        long relayed = outcomes.stream().filter(o -> o instanceof Relayed).count();
        log.info("Relayer under attack ({}): spent {} wei of a {} wei cap ({}%) in {} transactions; {} requests refused {}",
                getClass().getSimpleName(), spent, cap, new BigDecimal(spent).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(cap), 1,
                        java.math.RoundingMode.HALF_UP), relayerTransactions.size(), outcomes.size() - relayed, refusedBy);

        assertThat(spent).as("relayer's spend on chain").isLessThanOrEqualTo(cap).isPositive();
        assertThat(refusedBy.get(Why.BUDGET)).as("the attack ran into the daily cap").isPositive();
        assertThat(relayerTransactions).as("every relayer transaction succeeded").allSatisfy(r -> assertThat(r.isStatusOK()).isTrue());
        assertThat((long) relayerTransactions.size()).as("one transaction per relayed request, none for refusals").isEqualTo(relayed);
        RelayBudget.Status today = dao.relayBudget.status();
        assertThat(today.spentWei()).as("ledger = what the chain charged").isEqualTo(spent);
        assertThat(today.reservedWei()).isZero();
        assertThat(dao.meters.counter("relayer_spent_wei").count()).isEqualTo(spent.doubleValue());
    }

    private RelayOutcome record(RelayOutcome outcome) {
        outcomes.add(outcome);
        return outcome;
    }

    private void assertRefused(RelayOutcome outcome, Why why, String saying) {
        record(outcome);
        assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.why()).isEqualTo(why);
            assertThat(refused.reason()).contains(saying);
        });
    }

    private List<Refused> refusals(Why why) {
        return outcomes.stream().filter(o -> o instanceof Refused r && r.why() == why).map(o -> (Refused) o).toList();
    }

    private static SignedDelegation signedDelegation(Credentials holder, String to) {
        return sign(dao.delegation.unsigned(holder.getAddress(), to), holder);
    }

    private static SignedDelegation sign(SignedDelegation unsigned, Credentials holder) {
        String signature = BallotSignatures.hex(BallotSignatures.sign(dao.delegation.typedData(unsigned), holder));
        return new SignedDelegation(unsigned.delegator(), unsigned.delegatee(), unsigned.nonce(), unsigned.expiry(), signature);
    }

    private static String signBallot(Ballot ballot, Credentials voter) {
        return BallotSignatures.hex(BallotSignatures.sign(dao.votes.typedData(ballot), voter));
    }

    private static BigInteger openProposal() {
        ProposalForm form = new ProposalForm("Approve attack-test v1", "Under attack.",
                List.of(new ApproveVersion("attack-test", "1", "0x" + "ab".repeat(32), "https://dao.example/artifacts/ab",
                        "0x" + "cd".repeat(32), "https://dao.example/artifacts/cd", "onnx")));
        ProposalDraft draft = dao.proposals.draft(dao.admin.getAddress(), form);
        dao.sendFromWallet(dao.admin, draft.transaction());
        long snapshot = dao.governor.snapshot(draft.proposalId());
        dao.chain.mine(Math.max(0, snapshot - dao.chain.blockNumber()));
        return draft.proposalId();
    }

    private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) throws Exception {
        for (Future<Void> done : pool.invokeAll(tasks)) {
            done.get();
        }
    }

    private static List<Credentials> freshKeys(int count) throws Exception {
        List<Credentials> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(Credentials.create(Keys.createEcKeyPair()));
        }
        return keys;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String ip(int i) {
        return "198.51.100." + i;
    }

    private static BigInteger balance(String address) throws Exception {
        return dao.chain.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    private static List<TransactionReceipt> transactionsFrom(String address, long fromBlock) throws Exception {
        List<TransactionReceipt> receipts = new ArrayList<>();
        long head = dao.chain.blockNumber();
        for (long block = fromBlock; block <= head; block++) {
            EthBlock.Block b = dao.chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), true)
                    .send().getBlock();
            for (EthBlock.TransactionResult<?> result : b.getTransactions()) {
                EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
                if (tx.getFrom().equalsIgnoreCase(address)) {
                    receipts.add(dao.chain.web3j().ethGetTransactionReceipt(tx.getHash()).send().getTransactionReceipt().orElseThrow());
                }
            }
        }
        return receipts;
    }
}
