package org.modeldao.app.indexer;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A DAO freshly deployed on its own dev chain, and indexers built on it. Holders: the admin
 * (40k votes) and four members (15k each), all self-delegated; quorum is 4 % of 100k.
 */
public final class IndexerFixture implements AutoCloseable {

    public final DevChain chain;
    public final DeploymentDescriptor deployment;
    public final DevGovernance governance;
    public final RegistryActions registryActions;
    public final Credentials admin;
    public final List<Credentials> members;
    public final List<Object> published = new CopyOnWriteArrayList<>();

    private IndexerFixture(DevChain chain) {
        this.chain = chain;
        this.admin = chain.accounts().get(0);
        this.members = chain.accounts().subList(1, 5);
        List<Allocation> allocations = new java.util.ArrayList<>();
        allocations.add(new Allocation(admin.getAddress(), tokens(40_000)));
        members.forEach(m -> allocations.add(new Allocation(m.getAddress(), tokens(15_000))));
        this.deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(), Duration.ofMillis(20))
                .deploy(admin, DeploymentSettings.forDevChain(allocations));
        this.governance = new DevGovernance(chain, deployment);
        this.registryActions = new RegistryActions(deployment.registry());
        governance.delegateToSelf(admin);
        members.forEach(governance::delegateToSelf);
    }

    public static IndexerFixture start() {
        DevChain chain = DevChain.start();
        try {
            return new IndexerFixture(chain);
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    ChainIndexer indexer(DataSource dataSource, IndexerSettings settings) {
        return new ChainIndexer(chain.web3j(), deployment, settings,
                IndexerStore.on(dataSource, Clock.systemUTC()), published::add,
                new org.modeldao.app.proposals.ActionCodec(deployment.registry()));
    }

    /** An indexer reading through another JSON-RPC endpoint (a proxy in front of this chain), reporting to {@code metrics}. */
    ChainIndexer indexer(DataSource dataSource, IndexerSettings settings, org.web3j.protocol.Web3j node, IndexerMetrics metrics) {
        return new ChainIndexer(node, deployment, settings, IndexerStore.on(dataSource, Clock.systemUTC()),
                published::add, new org.modeldao.app.proposals.ActionCodec(deployment.registry()), metrics);
    }

    ChainIndexer indexer(DataSource dataSource) {
        return indexer(dataSource, IndexerSettings.defaults());
    }

    /** Brings the read model in {@code dataSource} up to the chain's head (for read-model tests). */
    public int catchUp(DataSource dataSource) {
        return indexer(dataSource).catchUp();
    }

    /** Passes a proposal with the four members voting for it (60k votes). */
    public DevGovernance.PassedProposal pass(String description, ProposalCall... calls) {
        return governance.pass(members.get(0), members, new GovernanceProposal(List.of(calls), description));
    }

    public BigInteger propose(String description, ProposalCall... calls) {
        return governance.propose(members.get(0), new GovernanceProposal(List.of(calls), description));
    }

    public ModelDaoGovernor governor() {
        return ModelDaoGovernor.load(deployment.governor(), chain.web3j(), Transactions.readOnly(chain.web3j()), new DefaultGasProvider());
    }

    public GovernanceToken token() {
        return GovernanceToken.load(deployment.token(), chain.web3j(), Transactions.readOnly(chain.web3j()), new DefaultGasProvider());
    }

    /** Every log the DAO's contracts emitted since the deployment, as the node reports them. */
    public int logCount() {
        try {
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(deployment.deploymentBlock())),
                    DefaultBlockParameterName.LATEST,
                    List.of(deployment.governor(), deployment.token(), deployment.timelock(), deployment.registry()));
            return chain.web3j().ethGetLogs(filter).send().getLogs().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelRegistry.VersionSubmission version(String model, String version) {
        return new ModelRegistry.VersionSubmission(model, version, sha256("artifact " + model + " " + version),
                "https://models.example/" + model + "/" + version + "/model.onnx", sha256("card " + model + " " + version),
                "https://models.example/" + model + "/" + version + "/card.json", "onnx");
    }

    public static byte[] sha256(String content) {
        return Hash.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        chain.close();
    }
}
