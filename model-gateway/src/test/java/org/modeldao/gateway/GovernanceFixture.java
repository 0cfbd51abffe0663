package org.modeldao.gateway;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.events.DaoContract;
import org.modeldao.contracts.events.EventPosition;
import org.modeldao.contracts.events.ProposalExecution;
import org.modeldao.contracts.events.RegistryEvent;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.approval.GovernanceFolder;
import org.modeldao.gateway.approval.GovernanceSnapshot;

/** Builds registry states for tests the way the shared event stream's registry events would. */
public final class GovernanceFixture {

    private final Path dir;
    private final String model;
    private final List<RegistryEvent> events = new ArrayList<>();
    private long block = 1;

    public GovernanceFixture(Path dir) {
        this(dir, DemoModels.IRIS);
    }

    /** Serves the demo iris versions under another model name, so tests sharing a gateway stay apart. */
    public GovernanceFixture(Path dir, String model) {
        this.dir = dir;
        this.model = model;
    }

    public String model() {
        return model;
    }

    public static Approval proposal(String id) {
        return new Approval(id, "0x" + "ab".repeat(32), 7);
    }

    /** Writes the demo version's files into the fixture directory and approves them. */
    public ApprovedVersion approveDemo(String version) {
        DemoModel demo = DemoModels.iris(version);
        DemoModel.WrittenFiles files = demo.writeTo(dir);
        return approve(model, version, demo.artifactSha256(), files.artifact().toUri().toString(),
                demo.cardSha256(), files.card().toUri().toString());
    }

    public ApprovedVersion approve(String model, String version, String sha, String uri, String cardSha, String cardUri) {
        ApprovedVersion approved = ApprovedVersion.approved(model, version, sha, uri, cardSha, cardUri, "onnx",
                proposal("100" + version));
        events.add(versionApproved(approved, events.size()));
        return approved;
    }

    /** The stream's event for an approval (hashes in the project's {@code 0x} form). */
    public static RegistryEvent.ModelVersionApproved versionApproved(ApprovedVersion v, int logIndex) {
        return new RegistryEvent.ModelVersionApproved(at(v.approval(), logIndex), KEY, v.model(), v.version(),
                "0x" + v.artifactSha256(), v.artifactUri(), "0x" + v.cardSha256(), v.cardUri(), v.format(),
                by(v.approval(), logIndex));
    }

    public GovernanceFixture current(String version) {
        Approval a = proposal("200" + version);
        events.add(new RegistryEvent.CurrentVersionChanged(at(a, events.size()), KEY, model, "", version, by(a, events.size())));
        return this;
    }

    public GovernanceFixture revoke(String version, String reason) {
        Approval a = proposal("300" + version);
        events.add(new RegistryEvent.ModelVersionRevoked(at(a, events.size()), KEY, model, version, reason, by(a, events.size())));
        return this;
    }

    public GovernanceFixture policy(AccessPolicy p) {
        Approval a = p.approval();
        events.add(new RegistryEvent.AccessPolicySet(at(a, events.size()), KEY, model, p.kind(), p.minVotes(),
                p.requestsPerMinute(), p.maxBatchSize(), p.allowList(), by(a, events.size())));
        return this;
    }

    public GovernanceFixture constraint(EthicalConstraint c) {
        Approval a = c.approval();
        events.add(new RegistryEvent.EthicalConstraintAdded(at(a, events.size()), KEY, model, c.id(), c.kind(), c.target(),
                c.minValue(), c.maxValue(), c.values(), c.rationale(), by(a, events.size())));
        return this;
    }

    public GovernanceFixture removeConstraint(BigInteger id) {
        Approval a = proposal("400");
        events.add(new RegistryEvent.EthicalConstraintRemoved(at(a, events.size()), KEY, model, id, "test", by(a, events.size())));
        return this;
    }

    /** Fixture events do not need the registry's keccak256 of the model name. */
    private static final String KEY = "0x" + "00".repeat(32);

    /** Where a fixture event sits: the approval's block and transaction. */
    private static EventPosition at(Approval a, int logIndex) {
        return new EventPosition(a.blockNumber(), "0x" + "0b".repeat(32), a.transactionHash(), logIndex, Instant.EPOCH,
                DaoContract.REGISTRY);
    }

    /** The execution the stream would attribute the change to; none for an approval without a proposal. */
    private static Optional<ProposalExecution> by(Approval a, int logIndex) {
        return a.proposalId().isEmpty() ? Optional.empty() : Optional.of(new ProposalExecution(new BigInteger(a.proposalId()),
                "0x" + "0c".repeat(32), ProposalExecution.Route.GOVERNOR, at(a, logIndex)));
    }

    public static AccessPolicy policy(PolicyKind kind, long minVotes, int perMinute, int maxBatch,
            List<String> allowList, String proposalId) {
        return new AccessPolicy(kind, BigInteger.valueOf(minVotes), perMinute, maxBatch, allowList, proposal(proposalId));
    }

    /** A constraint as the registry stores it: decimals scaled by 1e6, element counts (MaxInputSize) not. */
    public static EthicalConstraint constraint(long id, ConstraintKind kind, String target, double min,
            double max, List<String> values, String rationale) {
        double scale = kind == ConstraintKind.MAX_INPUT_SIZE ? 1 : RegistryKinds.VALUE_SCALE;
        return new EthicalConstraint(BigInteger.valueOf(id), kind, target, BigInteger.valueOf(Math.round(min * scale)),
                BigInteger.valueOf(Math.round(max * scale)), values, rationale, proposal("500" + id));
    }

    public GovernanceSnapshot snapshot() {
        return GovernanceFolder.apply(GovernanceSnapshot.EMPTY, events, block++);
    }

    public Path dir() {
        return dir;
    }
}
