package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A model version the DAO approved, whether it is still approved, and the proposals that decided.
 *
 * @param current            whether unversioned requests resolve to this version
 * @param approvedByProposal proposal whose execution approved it (null if approved outside governance)
 * @param approvedTx         transaction that approved it
 * @param revokedTx          transaction that revoked it (null while approved)
 */
public record ModelVersionView(String model, String version, String artifactSha256, String artifactUri, String cardSha256,
        String cardUri, String format, boolean revoked, boolean current, Instant approvedAt, long approvedBlock,
        BigInteger approvedByProposal, Instant revokedAt, String revocationReason, BigInteger revokedByProposal,
        String approvedTx, String revokedTx) {
}
