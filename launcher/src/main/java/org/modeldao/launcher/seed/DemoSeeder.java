package org.modeldao.launcher.seed;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.GovernanceDeployer;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.launcher.seed.ArtifactFolder.PublishedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * Deploys the DAO on a dev chain and seeds it the way a community would have: tokens to five
 * dev accounts (self-delegated), then two real proposals voted, queued and executed — iris v1
 * approved and made current; a public access policy and an allowed-purposes constraint. Iris
 * v2 is published in the artifact store but not proposed, so a member can do it in the browser.
 */
public final class DemoSeeder {

    public static final List<String> ALLOWED_PURPOSES = List.of("education", "research");
    public static final long REQUESTS_PER_MINUTE = 600;
    public static final long MAX_BATCH_SIZE = 32;
    private static final List<Long> VOTES = List.of(40_000L, 15_000L, 15_000L, 15_000L, 15_000L);
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final DevChain chain;
    private final ArtifactFolder artifacts;

    public DemoSeeder(DevChain chain, ArtifactFolder artifacts) {
        this.chain = chain;
        this.artifacts = artifacts;
    }

    public DemoDao seed() {
        List<Credentials> members = chain.accounts().subList(0, VOTES.size());
        List<Allocation> allocations = IntStream.range(0, members.size())
                .mapToObj(i -> new Allocation(members.get(i).getAddress(), DeploymentSettings.tokens(VOTES.get(i))))
                .toList();
        DeploymentDescriptor deployment = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(),
                Duration.ofMillis(50)).deploy(members.getFirst(), DeploymentSettings.forDevChain(allocations));
        DevGovernance governance = new DevGovernance(chain, deployment);
        members.forEach(governance::delegateToSelf);

        PublishedModel v1 = artifacts.publish(DemoModels.iris("1"));
        PublishedModel v2 = artifacts.publish(DemoModels.iris("2"));
        RegistryActions registry = new RegistryActions(deployment.registry());
        String model = v1.model().name();
        List<Credentials> voters = members.subList(0, 3); // 70 % of the supply: quorum and majority

        BigInteger approval = governance.pass(members.getFirst(), voters, new GovernanceProposal(List.of(
                registry.approveVersion(submission(v1)),
                registry.setCurrentVersion(model, v1.model().version())),
                "Approve " + model + " v1 and serve it\n\nThe first iris classifier trained by the project (Tribuo → ONNX)."))
                .proposalId();
        BigInteger policy = governance.pass(members.getFirst(), voters, new GovernanceProposal(List.of(
                registry.setAccessPolicy(model, publicPolicy()),
                registry.addConstraint(model, purposeConstraint())),
                "Open " + model + " to everyone for education and research\n\nPublic access, "
                        + REQUESTS_PER_MINUTE + " requests a minute, batches up to " + MAX_BATCH_SIZE + "."))
                .proposalId();
        log.info("Seeded the demo DAO: {} v1 approved and current (proposal {}), policy and constraint (proposal {})",
                model, approval, policy);
        return new DemoDao(deployment, members, VOTES, model, v1.model().version(), v2.model().version(),
                approval, policy, ALLOWED_PURPOSES);
    }

    private static ModelRegistry.VersionSubmission submission(PublishedModel published) {
        return new ModelRegistry.VersionSubmission(published.model().name(), published.model().version(),
                HexFormat.of().parseHex(published.model().artifactSha256()), published.artifactUri(),
                HexFormat.of().parseHex(published.model().cardSha256()), published.cardUri(), "onnx");
    }

    private static ModelRegistry.AccessPolicy publicPolicy() {
        return new ModelRegistry.AccessPolicy(PolicyKind.PUBLIC.code(), BigInteger.ZERO,
                BigInteger.valueOf(REQUESTS_PER_MINUTE), BigInteger.valueOf(MAX_BATCH_SIZE), List.of());
    }

    private static ModelRegistry.EthicalConstraint purposeConstraint() {
        return new ModelRegistry.EthicalConstraint(BigInteger.ZERO, ConstraintKind.ALLOWED_PURPOSES.code(), "",
                BigInteger.ZERO, BigInteger.ZERO, ALLOWED_PURPOSES,
                "A demo classifier of flowers: fine for teaching and research, not for decisions about anything real.");
    }
}
