package org.modeldao.app.indexer;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * A dev chain loaded with governance history for the benchmark: proposals, votes and token
 * transfers between delegated holders (3 logs each), sent from the node's unlocked accounts
 * with automine off and mined in full blocks, so seeding 10,000 logs takes seconds, not minutes.
 */
final class BenchmarkChain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkChain.class);
    private static final BigInteger GAS = BigInteger.valueOf(1_000_000);

    final DevChain chain;
    final DeploymentDescriptor deployment;
    private final List<Credentials> accounts;
    private final List<String> pending = new ArrayList<>();

    BenchmarkChain() {
        chain = DevChain.start();
        accounts = chain.accounts();
        List<Allocation> allocations = accounts.stream().map(a -> new Allocation(a.getAddress(), tokens(10_000))).toList();
        deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(), Duration.ofMillis(10))
                .deploy(accounts.getFirst(), DeploymentSettings.forDevChain(allocations));
        DevGovernance governance = new DevGovernance(chain, deployment);
        accounts.forEach(governance::delegateToSelf);
    }

    /** Proposes {@code count} proposals, then has {@code votersPerProposal} holders vote on the first {@code votedProposals}. */
    List<BigInteger> proposeAndVote(int count, int votedProposals, int votersPerProposal) {
        chain.setAutomine(false);
        RegistryActions registry = new RegistryActions(deployment.registry());
        for (int i = 0; i < count; i++) {
            var call = registry.setCurrentVersion("bench-" + i, "1");
            String data = FunctionEncoder.encode(new Function(ModelDaoGovernor.FUNC_PROPOSE, List.of(
                    new DynamicArray<>(Address.class, new Address(call.target())),
                    new DynamicArray<>(Uint256.class, new Uint256(0)),
                    new DynamicArray<>(DynamicBytes.class, new DynamicBytes(call.calldataBytes())),
                    new Utf8String("# Benchmark proposal " + i + "\nSwitch bench-" + i + " to version 1.")), List.of()));
            send(accounts.get(i % accounts.size()), deployment.governor(), data);
        }
        List<BigInteger> ids = mineAll().stream()
                .flatMap(receipt -> ModelDaoGovernor.getProposalCreatedEvents(receipt).stream())
                .map(e -> e.proposalId).toList();
        chain.mine(2);
        for (int p = 0; p < Math.min(votedProposals, ids.size()); p++) {
            for (int v = 0; v < votersPerProposal; v++) {
                String data = FunctionEncoder.encode(new Function(ModelDaoGovernor.FUNC_CASTVOTE,
                        List.of(new Uint256(ids.get(p)), new Uint8(BigInteger.valueOf((p + v) % 3))), List.of()));
                send(accounts.get(v), deployment.governor(), data);
            }
        }
        mineAll();
        chain.setAutomine(true);
        return ids;
    }

    /** Token transfers between self-delegated holders: Transfer + two DelegateVotesChanged each. */
    void transfer(int count) {
        chain.setAutomine(false);
        for (int i = 0; i < count; i++) {
            Credentials from = accounts.get(i % accounts.size());
            Credentials to = accounts.get((i + 1) % accounts.size());
            String data = FunctionEncoder.encode(new Function(GovernanceToken.FUNC_TRANSFER,
                    List.of(new Address(to.getAddress()), new Uint256(tokens(1))), List.of()));
            send(from, deployment.token(), data);
        }
        mineAll();
        chain.setAutomine(true);
    }

    private void send(Credentials from, String to, String data) {
        try {
            EthSendTransaction sent = chain.web3j().ethSendTransaction(
                    Transaction.createFunctionCallTransaction(from.getAddress(), null, null, GAS, to, data)).send();
            if (sent.hasError()) {
                throw new IllegalStateException("sending failed: " + sent.getError().getMessage());
            }
            pending.add(sent.getTransactionHash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mines blocks until every sent transaction has a successful receipt. */
    private List<org.web3j.protocol.core.methods.response.TransactionReceipt> mineAll() {
        List<org.web3j.protocol.core.methods.response.TransactionReceipt> receipts = new ArrayList<>();
        try {
            int blocks = 0;
            for (String hash : pending) {
                var receipt = chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
                while (receipt.isEmpty()) {
                    chain.mine(1);
                    blocks++;
                    receipt = chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
                }
                if (!receipt.get().isStatusOK()) {
                    throw new IllegalStateException("benchmark transaction " + hash + " reverted");
                }
                receipts.add(receipt.get());
            }
            log.info("Mined {} transactions in {} blocks", pending.size(), blocks);
            pending.clear();
            return receipts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chain.close();
    }
}
