package org.modeldao.launcher.seed;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.web3j.crypto.Credentials;

/**
 * The demo DAO as seeded: where it lives, who holds its votes, and which proposals put the
 * demo model, its access policy and its ethical constraint in force.
 *
 * @param deployment          the deployed contracts
 * @param members             dev accounts holding (self-delegated) votes, admin first
 * @param votes               whole tokens per member, same order
 * @param model               the demo model's name in the registry
 * @param servedVersion       approved and current version
 * @param pendingVersion      published artifact, not proposed (left for the browser)
 * @param approvalProposalId  proposal that approved the served version and made it current
 * @param policyProposalId    proposal that set the access policy and the ethical constraint
 * @param allowedPurposes     purposes the constraint allows
 */
public record DemoDao(
        DeploymentDescriptor deployment,
        List<Credentials> members,
        List<Long> votes,
        String model,
        String servedVersion,
        String pendingVersion,
        BigInteger approvalProposalId,
        BigInteger policyProposalId,
        List<String> allowedPurposes) {

    public DemoDao {
        members = List.copyOf(members);
        votes = List.copyOf(votes);
        allowedPurposes = List.copyOf(allowedPurposes);
    }
}
