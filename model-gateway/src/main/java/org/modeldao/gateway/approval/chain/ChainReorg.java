package org.modeldao.gateway.approval.chain;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.VersionKey;

/**
 * The chain dropped a block the gateway had already applied (a reorganisation deeper than the
 * configured confirmations); the approved set was rebuilt from the registry's events on the
 * canonical chain.
 *
 * @param appliedBlock the last block the gateway had applied
 * @param appliedHash its hash when applied
 * @param canonicalHash the hash the chain now has at that height; null when the chain is shorter
 * @param rebuiltToBlock the block the rebuilt state is as of
 * @param noLongerApproved versions served before that the canonical chain does not approve
 * @param nowApproved versions the canonical chain approves that were not approved before
 */
public record ChainReorg(long appliedBlock, String appliedHash, String canonicalHash, long rebuiltToBlock,
        List<VersionKey> noLongerApproved, List<VersionKey> nowApproved) {

    private static final Comparator<VersionKey> ORDER =
            Comparator.comparing(VersionKey::model).thenComparing(VersionKey::version);

    static ChainReorg between(GovernanceSnapshot before, String appliedHash, String canonicalHash,
            GovernanceSnapshot after) {
        Set<VersionKey> was = servable(before);
        Set<VersionKey> is = servable(after);
        return new ChainReorg(before.block(), appliedHash, canonicalHash, after.block(),
                was.stream().filter(k -> !is.contains(k)).sorted(ORDER).toList(),
                is.stream().filter(k -> !was.contains(k)).sorted(ORDER).toList());
    }

    private static Set<VersionKey> servable(GovernanceSnapshot snapshot) {
        return snapshot.servable().map(ApprovedVersion::key).collect(Collectors.toSet());
    }

    /** One line for the log and the decision log. */
    public String describe() {
        return "block " + appliedBlock + " (" + appliedHash + ") is no longer canonical (now "
                + (canonicalHash == null ? "absent" : canonicalHash) + "); approved set rebuilt up to block "
                + rebuiltToBlock + "; no longer approved " + noLongerApproved + "; now approved " + nowApproved;
    }
}
