package org.modeldao.gateway.oip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.ModelGovernance;

/**
 * What an answer says about the governance behind it, the same keys over REST (JSON
 * {@code parameters}) and gRPC (the response's {@code parameters} map).
 */
public final class Provenance {

    private Provenance() {}

    /** What every response says about the version that answered: hash and approving proposal. */
    public static Map<String, Object> of(ApprovedVersion v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model_version", v.version());
        p.put("artifact_sha256", v.artifactSha256());
        p.put("card_sha256", v.cardSha256());
        p.put("approving_proposal_id", v.approval().proposalId());
        p.put("approval_transaction", v.approval().transactionHash());
        p.put("approval_block", v.approval().blockNumber());
        return p;
    }

    /**
     * Who decided the rest of what governs a model: the current-version switch, the access
     * policy and each constraint, each with the proposal, transaction and block that set it.
     * An empty proposal id means the change was not made by an executed proposal.
     */
    static void putGovernance(Map<String, Object> p, ModelGovernance m) {
        p.put("current_version", m.currentVersion());
        p.put("current_version_set_by", decision(m.currentVersionApproval()));
        if (m.policy() == null) {
            p.put("policy", Map.of("kind", "DEFAULT"));
        } else {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("kind", m.policy().kind().name());
            policy.putAll(decision(m.policy().approval()));
            p.put("policy", policy);
        }
        p.put("constraints", m.constraints().stream().map(c -> {
            Map<String, Object> constraint = new LinkedHashMap<>();
            constraint.put("id", c.id().toString());
            constraint.put("kind", c.kind().name());
            constraint.putAll(decision(c.approval()));
            return constraint;
        }).toList());
    }

    /** What a revoked version's refusal says about the revocation: which proposal, transaction and block, and why. */
    static Map<String, Object> revocation(ApprovedVersion v) {
        Map<String, Object> p = of(v);
        p.put("revoking_proposal_id", v.revocation().proposalId());
        p.put("revocation_transaction", v.revocation().transactionHash());
        p.put("revocation_block", v.revocation().blockNumber());
        p.put("revocation_reason", v.revocationReason());
        return p;
    }

    private static Map<String, Object> decision(Approval approval) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("proposal_id", approval.proposalId());
        d.put("transaction", approval.transactionHash());
        d.put("block", approval.blockNumber());
        return d;
    }
}
