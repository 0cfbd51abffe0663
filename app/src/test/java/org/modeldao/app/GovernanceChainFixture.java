package org.modeldao.app;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.proposals.ActionCodec;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.ProposalService;
import org.modeldao.app.proposals.RelayBudget;
import org.modeldao.app.proposals.Relayer;
import org.modeldao.app.proposals.RelayerProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.modeldao.app.proposals.WalletTransaction;
import org.modeldao.app.proposals.internal.IndexedProposalQueries;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.DelegateReadModel;
import org.modeldao.app.readmodel.RegistryReadModel;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.indexer.TestIndexer;
import org.modeldao.app.support.IndexedHeads;
import org.modeldao.app.testing.TestDatabase;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.modeldao.app.voting.VoteService;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A freshly deployed DAO on its own dev chain, with the app's governance services wired to it
 * by hand (no Spring), reading proposals from an indexer's read model in a fresh in-memory H2
 * ({@link #awaitIndexed()} catches it up). Holders: admin 40k votes, four members 15k each (the
 * first three self-delegated, the fourth not yet), an outsider with nothing. Quorum 4 % of 100k.
 */
public final class GovernanceChainFixture implements AutoCloseable {

    public final DevChain chain;
    public final DeploymentDescriptor deployment;
    public final GovernanceContracts contracts;
    public final DevGovernance devGovernance;
    public final GovernorReader governor;
    public final Relayer relayer;
    public final RelayBudget relayBudget;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final TestDatabase database;
    public final ProposalReadModel readModel;
    public final HistoryReadModel auditTrail;
    public final RegistryReadModel registryReadModel;
    public final DelegateReadModel delegateReadModel;
    public final IndexedProposalQueries queries;
    public final ProposalService proposals;
    public final VoteService votes;
    public final DelegationService delegation;
    public final ActionCodec codec;
    public final Credentials admin;
    public final List<Credentials> members;
    public final Credentials outsider;
    public final Credentials relayerAccount;
    private final IntSupplier indexer;

    private GovernanceChainFixture(DevChain chain, TestDatabase database, RelayerProperties relayerLimits) {
        this.chain = chain;
        this.database = database;
        List<Credentials> accounts = chain.accounts();
        admin = accounts.get(0);
        members = accounts.subList(1, 5);
        outsider = accounts.get(9);
        relayerAccount = accounts.get(19);
        List<Allocation> allocations = List.of(new Allocation(admin.getAddress(), tokens(40_000)),
                new Allocation(members.get(0).getAddress(), tokens(15_000)), new Allocation(members.get(1).getAddress(), tokens(15_000)),
                new Allocation(members.get(2).getAddress(), tokens(15_000)), new Allocation(members.get(3).getAddress(), tokens(15_000)));
        deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(), Duration.ofMillis(50))
                .deploy(admin, DeploymentSettings.forDevChain(allocations));
        devGovernance = new DevGovernance(chain, deployment);
        devGovernance.delegateToSelf(admin);
        members.subList(0, 3).forEach(devGovernance::delegateToSelf);
        contracts = GovernanceContracts.of(deployment);
        governor = new GovernorReader(chain.web3j(), contracts);
        relayBudget = new RelayBudget(JdbcClient.create(database.dataSource()), relayerLimits.dailyCapEth(), Clock.systemUTC(), meters);
        relayer = new Relayer(chain.web3j(), Optional.of(relayerAccount), chain.chainId(), relayBudget, relayerLimits);
        codec = new ActionCodec(contracts.registry());
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        readModel = new ProposalReadModel(jdbc);
        auditTrail = new HistoryReadModel(jdbc);
        registryReadModel = new RegistryReadModel(jdbc);
        delegateReadModel = new DelegateReadModel(jdbc);
        indexer = TestIndexer.catchingUp(chain.web3j(), deployment, database.dataSource());
        queries = new IndexedProposalQueries(readModel, auditTrail, governor, codec);
        proposals = new ProposalService(chain.web3j(), contracts, governor, queries, codec);
        votes = new VoteService(contracts, governor, relayer);
        delegation = new DelegationService(contracts, governor, delegateReadModel, relayer, Clock.systemUTC());
    }

    public static GovernanceChainFixture start() {
        return start("h2", RelayerProperties.defaults());
    }

    /** On {@code "h2"} or {@code "postgres"} (a fresh database on 127.0.0.1:5432), with these relayer limits. */
    public static GovernanceChainFixture start(String databaseKind, RelayerProperties relayerLimits) {
        DevChain chain = DevChain.start();
        TestDatabase database = null;
        try {
            database = TestDatabase.of(databaseKind);
            return new GovernanceChainFixture(chain, database, relayerLimits);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            chain.close();
            throw e;
        }
    }

    /** What a member's wallet does with a prepared transaction: sign it with the member's key and send it. */
    public TransactionReceipt sendFromWallet(Credentials member, WalletTransaction transaction) {
        try {
            var signer = Transactions.signer(chain.web3j(), member, chain.chainId(), Duration.ofMillis(50));
            var sent = signer.sendTransaction(chain.web3j().ethGasPrice().send().getGasPrice().multiply(java.math.BigInteger.TWO),
                    Transactions.GAS_LIMIT, transaction.to(), transaction.data(), java.math.BigInteger.ZERO);
            if (sent.hasError()) {
                throw new IllegalStateException(sent.getError().getMessage());
            }
            return new org.web3j.tx.response.PollingTransactionReceiptProcessor(chain.web3j(), 50, 200)
                    .waitForTransactionReceipt(sent.getTransactionHash());
        } catch (Exception e) {
            throw new IllegalStateException("wallet transaction failed: " + e.getMessage(), e);
        }
    }

    /** Lets this fixture's indexer catch up with the chain's latest block, as the app's indexer loop would. */
    public void awaitIndexed() {
        IndexedHeads.await(readModel, governor.blockNumber(), indexer::getAsInt);
    }

    public ModelRegistry registry() {
        return ModelRegistry.load(deployment.registry(), chain.web3j(), Transactions.readOnly(chain.web3j()), new DefaultGasProvider());
    }

    @Override
    public void close() {
        database.close();
        chain.close();
    }
}
