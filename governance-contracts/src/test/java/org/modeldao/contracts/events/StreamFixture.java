package org.modeldao.contracts.events;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A DAO on its own Hardhat node with one governance story on it: proposal A (approve a version,
 * make it current, set a policy, add a constraint) passed and executed through the governor;
 * proposal B (revoke that version) queued through the governor and then executed by an outsider
 * calling the timelock directly.
 */
final class StreamFixture implements AutoCloseable {

    static final String MODEL = "sentiment";
    static final String DESCRIPTION_A = "# Approve sentiment v1\nCurrent, for token holders, abstains below 60 %.";
    static final String DESCRIPTION_B = "# Revoke sentiment v1\nBiased on dialects; executed on the timelock directly.";

    final DevChain chain;
    final DeploymentDescriptor deployment;
    final DevGovernance governance;
    final RegistryActions actions;
    final Credentials admin;
    final List<Credentials> members;
    final Credentials outsider;

    BigInteger proposalA;
    GovernanceProposal bodyA;
    TransactionReceipt executionA;
    BigInteger proposalB;
    GovernanceProposal bodyB;
    TransactionReceipt queueB;
    TransactionReceipt directExecutionB;

    private StreamFixture(DevChain chain) {
        this.chain = chain;
        List<Credentials> accounts = chain.accounts();
        this.admin = accounts.get(0);
        this.members = accounts.subList(1, 5);
        this.outsider = accounts.get(9);
        List<Allocation> allocations = new ArrayList<>();
        allocations.add(new Allocation(admin.getAddress(), tokens(40_000)));
        members.forEach(m -> allocations.add(new Allocation(m.getAddress(), tokens(15_000))));
        this.deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(), Duration.ofMillis(50))
                .deploy(admin, DeploymentSettings.forDevChain(allocations));
        this.governance = new DevGovernance(chain, deployment);
        this.actions = new RegistryActions(deployment.registry());
        governance.delegateToSelf(admin);
        members.forEach(governance::delegateToSelf);
    }

    /** Starts a node, deploys, and plays the story. */
    static StreamFixture start() {
        DevChain chain = DevChain.start();
        try {
            StreamFixture fixture = new StreamFixture(chain);
            fixture.playStory();
            return fixture;
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    private void playStory() {
        bodyA = new GovernanceProposal(List.of(
                actions.approveVersion(version(MODEL, "1")),
                actions.setCurrentVersion(MODEL, "1"),
                actions.setAccessPolicy(MODEL, new ModelRegistry.AccessPolicy(RegistryKinds.PolicyKind.TOKEN_HOLDERS.code(),
                        tokens(100), BigInteger.valueOf(60), BigInteger.valueOf(16), List.of())),
                actions.addConstraint(MODEL, new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                        RegistryKinds.ConstraintKind.MIN_CONFIDENCE.code(), "", BigInteger.valueOf(600_000), BigInteger.ZERO,
                        List.of(), "below 60 % the model must abstain"))), DESCRIPTION_A);
        DevGovernance.PassedProposal passed = governance.pass(members.getFirst(), members, bodyA);
        proposalA = passed.proposalId();
        executionA = passed.execution();

        bodyB = new GovernanceProposal(List.of(actions.revokeVersion(MODEL, "1", "biased on dialects")), DESCRIPTION_B);
        proposalB = governance.propose(members.getFirst(), bodyB);
        governance.startVoting(proposalB);
        for (Credentials member : members) {
            governance.vote(member, proposalB, VoteType.FOR, "revoke: " + member.getAddress());
        }
        governance.endVoting(proposalB);
        queueB = governance.queue(members.getFirst(), bodyB);
        chain.increaseTime(Duration.ofDays(3));
        directExecutionB = executeOnTimelock(outsider, bodyB);
    }

    /**
     * What anyone may do with a ready operation: call the timelock's executeBatch with the
     * governor's salt, computed here from OZ 5's {@code bytes20(governor) ^ descriptionHash}.
     */
    TransactionReceipt executeOnTimelock(Credentials sender, GovernanceProposal proposal) {
        byte[] salt = proposal.descriptionHash();
        byte[] governor = ChainHex.bytes(deployment.governor());
        for (int i = 0; i < 20; i++) {
            salt[i] ^= governor[i];
        }
        ModelDaoTimelock timelock = ModelDaoTimelock.load(deployment.timelock(), chain.web3j(),
                Transactions.signer(chain.web3j(), sender, chain.chainId(), Duration.ofMillis(50)), Transactions.gasFromNode(chain.web3j()));
        try {
            return timelock.executeBatch(proposal.targets(), proposal.values(), proposal.calldatas(), new byte[32], salt,
                    BigInteger.ZERO).send();
        } catch (Exception e) {
            throw new IllegalStateException("direct execution failed: " + e.getMessage(), e);
        }
    }

    TransactionReceipt transfer(Credentials from, String to, long wholeTokens) {
        GovernanceToken token = GovernanceToken.load(deployment.token(), chain.web3j(),
                Transactions.signer(chain.web3j(), from, chain.chainId(), Duration.ofMillis(50)), Transactions.gasFromNode(chain.web3j()));
        try {
            return token.transfer(to, tokens(wholeTokens)).send();
        } catch (Exception e) {
            throw new IllegalStateException("transfer failed: " + e.getMessage(), e);
        }
    }

    GovernanceEventStream stream(StreamSettings settings, OperationLookup operations) {
        return new GovernanceEventStream(chain.web3j(), deployment, settings, operations);
    }

    /** Everything from the deployment block to the confirmed head, batch after batch, feeding {@code known} and {@code operations}. */
    static List<GovernanceEvent> readAll(GovernanceEventStream stream, RecentBlocks known, InMemoryOperations operations,
            List<EventBatch> batches) {
        List<GovernanceEvent> events = new ArrayList<>();
        long next = stream.firstBlock();
        while (true) {
            EventBatch batch = stream.readBatch(next, known);
            if (batch.rollback().isPresent()) {
                throw new IllegalStateException("unexpected rollback " + batch.rollback().get().describe());
            }
            if (batch.isEmpty()) {
                return events;
            }
            events.addAll(batch.events());
            known.record(batch);
            if (operations != null) {
                operations.record(batch);
            }
            if (batches != null) {
                batches.add(batch);
            }
            next = batch.nextBlock();
        }
    }

    /** Batches from {@code next} to the confirmed head, recording their blocks in {@code known}; fails on a rollback. */
    static List<EventBatch> readOn(GovernanceEventStream stream, long next, RecentBlocks known) {
        List<EventBatch> batches = new ArrayList<>();
        for (EventBatch batch = stream.readBatch(next, known); !batch.isEmpty(); batch = stream.readBatch(next, known)) {
            if (batch.rollback().isPresent()) {
                throw new IllegalStateException("unexpected rollback " + batch.rollback().get().describe());
            }
            known.record(batch);
            batches.add(batch);
            next = batch.nextBlock();
        }
        return batches;
    }

    static List<GovernanceEvent> readAll(GovernanceEventStream stream) {
        return readAll(stream, new RecentBlocks(StreamSettings.DEFAULT_MAX_REORG_DEPTH), null, null);
    }

    static ModelRegistry.VersionSubmission version(String model, String version) {
        return new ModelRegistry.VersionSubmission(model, version, sha256("artifact " + model + " " + version),
                "https://models.example/" + model + "/" + version + "/model.onnx", sha256("card " + model + " " + version),
                "https://models.example/" + model + "/" + version + "/card.json", "onnx");
    }

    static byte[] sha256(String content) {
        return Hash.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    static String address(Credentials account) {
        return ChainHex.address(account.getAddress());
    }

    Web3j web3j() {
        return chain.web3j();
    }

    @Override
    public void close() {
        chain.close();
    }
}
