package org.modeldao.contracts;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A freshly deployed DAO on its own dev chain, one per test class
 * ({@code @RegisterExtension static final GovernanceFixture dao = new GovernanceFixture();}). Holders: the admin (40k votes), four members
 * (15k each), and two small holders (500 each) that cannot reach quorum alone; everyone but
 * the late holder has self-delegated. Quorum is 4 % of 101k = 4,040 votes.
 */
final class GovernanceFixture implements BeforeAllCallback, AfterAllCallback {

    DevChain chain;
    DeploymentDescriptor deployment;
    DevGovernance governance;
    RegistryActions registryActions;
    Credentials admin;
    List<Credentials> members;
    Credentials smallHolder;
    Credentials lateHolder;
    Credentials outsider;

    @Override
    public void beforeAll(ExtensionContext context) {
        chain = DevChain.start();
        try {
            deploy();
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        chain.close();
    }

    private void deploy() {
        List<Credentials> accounts = chain.accounts();
        this.admin = accounts.get(0);
        this.members = accounts.subList(1, 5);
        this.smallHolder = accounts.get(5);
        this.lateHolder = accounts.get(6);
        this.outsider = accounts.get(9);
        List<Allocation> allocations = List.of(
                new Allocation(admin.getAddress(), tokens(40_000)),
                new Allocation(members.get(0).getAddress(), tokens(15_000)),
                new Allocation(members.get(1).getAddress(), tokens(15_000)),
                new Allocation(members.get(2).getAddress(), tokens(15_000)),
                new Allocation(members.get(3).getAddress(), tokens(15_000)),
                new Allocation(smallHolder.getAddress(), tokens(500)),
                new Allocation(lateHolder.getAddress(), tokens(500)));
        this.deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(), Duration.ofMillis(50))
                .deploy(admin, DeploymentSettings.forDevChain(allocations));
        this.governance = new DevGovernance(chain, deployment);
        this.registryActions = new RegistryActions(deployment.registry());
        governance.delegateToSelf(admin);
        members.forEach(governance::delegateToSelf);
        governance.delegateToSelf(smallHolder);
    }

    ModelRegistry registry() {
        return ModelRegistry.load(deployment.registry(), chain.web3j(), Transactions.readOnly(chain.web3j()),
                Transactions.gasFromNode(chain.web3j()));
    }

    ModelRegistry registryAs(Credentials sender) {
        return ModelRegistry.load(deployment.registry(), chain.web3j(),
                Transactions.signer(chain.web3j(), sender, chain.chainId(), Duration.ofMillis(50)),
                Transactions.gasFromNode(chain.web3j()));
    }

    /** Passes a proposal with the four members voting for it (60k votes). */
    DevGovernance.PassedProposal pass(String description, ProposalCall... calls) {
        return governance.pass(members.get(0), members, new GovernanceProposal(List.of(calls), description));
    }

    static ModelRegistry.VersionSubmission version(String model, String version) {
        return new ModelRegistry.VersionSubmission(model, version, sha256("artifact " + model + " " + version),
                "https://models.example/" + model + "/" + version + "/model.onnx", sha256("card " + model + " " + version),
                "https://models.example/" + model + "/" + version + "/card.json", "onnx");
    }

    static byte[] sha256(String content) {
        return Hash.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    static BigInteger votes(long wholeTokens) {
        return tokens(wholeTokens);
    }

    /** A proposal approving a made-up version of {@code model}, proposed by the first member and open for votes. */
    OpenProposal openApprovalProposal(String model) {
        GovernanceProposal proposal = new GovernanceProposal(List.of(registryActions.approveVersion(version(model, "1"))),
                "Approve " + model + " v1");
        BigInteger id = governance.propose(members.getFirst(), proposal);
        governance.startVoting(id);
        return new OpenProposal(id, proposal);
    }

    record OpenProposal(BigInteger id, GovernanceProposal proposal) {
    }
}
