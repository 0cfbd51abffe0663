package org.modeldao.app.readmodel;

import static org.modeldao.app.indexer.IndexerFixture.version;
import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.modeldao.app.indexer.IndexerFixture;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.ModelRegistry;

/**
 * Governance history covering every proposal state and every registry change, made on a dev
 * chain through real proposals: the read model is checked against it.
 */
final class ReadModelScenario {

    static final String MODEL = "iris";

    final BigInteger approved;
    final BigInteger revoked;
    final BigInteger defeated;
    final BigInteger succeeded;
    final BigInteger queued;
    final BigInteger canceled;
    final BigInteger active;
    final BigInteger pending;
    final String allowed;

    ReadModelScenario(IndexerFixture dao) throws Exception {
        var registry = dao.registryActions;
        allowed = dao.members.get(3).getAddress().toLowerCase();
        approved = dao.pass("# Approve iris v1 and v2\nServe v1, allow-list access, two constraints.",
                registry.approveVersion(version(MODEL, "1")), registry.approveVersion(version(MODEL, "2")),
                registry.setCurrentVersion(MODEL, "1"),
                registry.setAccessPolicy(MODEL, new ModelRegistry.AccessPolicy(PolicyKind.ALLOW_LIST.code(), BigInteger.ZERO,
                        BigInteger.valueOf(30), BigInteger.valueOf(4), List.of(allowed))),
                registry.addConstraint(MODEL, new ModelRegistry.EthicalConstraint(BigInteger.ZERO, ConstraintKind.MIN_CONFIDENCE.code(), "",
                        BigInteger.valueOf(600_000), BigInteger.ZERO, List.of(), "abstain below 60 %")),
                registry.addConstraint(MODEL, new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                        ConstraintKind.ALLOWED_PURPOSES.code(), "", BigInteger.ZERO, BigInteger.ZERO, List.of("education", "research"),
                        "not for commercial use"))).proposalId();
        revoked = dao.pass("Revoke iris v1: biased", registry.revokeVersion(MODEL, "1", "biased on small petals"),
                registry.removeConstraint(MODEL, BigInteger.ONE, "superseded")).proposalId();

        defeated = dao.propose("Serve v2 (defeated)", registry.setCurrentVersion(MODEL, "2"));
        dao.governance.startVoting(defeated);
        dao.members.forEach(m -> dao.governance.vote(m, defeated, VoteType.AGAINST, "not yet"));
        dao.governance.endVoting(defeated);

        GovernanceProposal toQueue = new GovernanceProposal(List.of(registry.setCurrentVersion(MODEL, "2")), "Serve v2 (queued)");
        queued = dao.governance.propose(dao.members.get(0), toQueue);
        dao.governance.startVoting(queued);
        dao.members.forEach(m -> dao.governance.vote(m, queued, VoteType.FOR, "yes"));
        dao.governance.endVoting(queued);
        dao.governance.queue(dao.members.get(0), toQueue);

        succeeded = dao.propose("Serve v2 (succeeded, not queued)", registry.setCurrentVersion(MODEL, "2"));
        dao.governance.startVoting(succeeded);
        dao.governance.vote(dao.admin, succeeded, VoteType.FOR, "");
        dao.governance.vote(dao.members.get(1), succeeded, VoteType.ABSTAIN, "unsure");
        dao.governance.endVoting(succeeded);

        GovernanceProposal toCancel = new GovernanceProposal(List.of(registry.setCurrentVersion(MODEL, "2")), "Serve v2 (canceled)");
        canceled = dao.governance.propose(dao.members.get(0), toCancel);
        dao.governance.governor(dao.members.get(0)).cancel(toCancel.targets(), toCancel.values(), toCancel.calldatas(),
                toCancel.descriptionHash()).send();

        active = dao.propose("Serve v2 (active)", registry.setCurrentVersion(MODEL, "2"));
        dao.governance.startVoting(active);
        dao.governance.vote(dao.members.get(2), active, VoteType.FOR, "looks good");
        dao.governance.delegate(dao.members.get(3), dao.admin.getAddress());

        pending = dao.propose("Serve v2 (pending)", registry.setCurrentVersion(MODEL, "2"));
    }

    Map<String, BigInteger> all() {
        return Map.of("approved", approved, "revoked", revoked, "defeated", defeated, "succeeded", succeeded, "queued", queued,
                "canceled", canceled, "active", active, "pending", pending);
    }

    static BigInteger votes(long whole) {
        return tokens(whole);
    }
}
