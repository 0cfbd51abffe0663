package org.modeldao.gateway;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.approval.GovernanceFolder;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.RegistryEvent;

/** Builds registry states for tests the way events from the chain would. */
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
        events.add(new RegistryEvent.VersionApproved(approved, approved.approval(), events.size()));
        return approved;
    }

    public GovernanceFixture current(String version) {
        events.add(new RegistryEvent.CurrentVersionChanged(model, version, proposal("200" + version),
                events.size()));
        return this;
    }

    public GovernanceFixture revoke(String version, String reason) {
        events.add(new RegistryEvent.VersionRevoked(model, version, reason, proposal("300" + version),
                events.size()));
        return this;
    }

    public GovernanceFixture policy(AccessPolicy policy) {
        events.add(new RegistryEvent.PolicySet(model, policy, policy.approval(), events.size()));
        return this;
    }

    public GovernanceFixture constraint(EthicalConstraint constraint) {
        events.add(new RegistryEvent.ConstraintAdded(model, constraint, constraint.approval(), events.size()));
        return this;
    }

    public GovernanceFixture removeConstraint(BigInteger id) {
        events.add(new RegistryEvent.ConstraintRemoved(model, id, "test", proposal("400"), events.size()));
        return this;
    }

    public static AccessPolicy policy(AccessPolicy.Kind kind, long minVotes, int perMinute, int maxBatch,
            List<String> allowList, String proposalId) {
        return new AccessPolicy(kind, BigInteger.valueOf(minVotes), perMinute, maxBatch, allowList, proposal(proposalId));
    }

    /** A constraint as the registry stores it: decimals scaled by 1e6, element counts (MaxInputSize) not. */
    public static EthicalConstraint constraint(long id, EthicalConstraint.Kind kind, String target, double min,
            double max, List<String> values, String rationale) {
        double scale = kind == EthicalConstraint.Kind.MAX_INPUT_SIZE ? 1 : 1e6;
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
