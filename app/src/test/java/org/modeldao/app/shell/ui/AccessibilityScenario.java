package org.modeldao.app.shell.ui;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.app.indexer.IndexerFixture;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.app.support.IndexedHeads;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.devchain.DevGovernance;

/**
 * Proposals in each state a page can show, made on the shared dev chain ({@link DevChainFixture}) by its
 * proposer (account 0, the only holder with votes), for the accessibility and keyboard walks. Each walk makes
 * its own, named after it, so another IT mining blocks in between cannot end a vote a walk still needs open.
 */
final class AccessibilityScenario {

    static final String MODEL = "a11y-model";

    private final DevChainFixture chain = DevChainFixture.shared();
    private final DevGovernance governance = new DevGovernance(chain.chain(), chain.deployment());
    private final RegistryActions registry = new RegistryActions(chain.deployment().registry());
    private final String walk;

    AccessibilityScenario(String walk) {
        this.walk = walk;
    }

    /** Approves {@value #MODEL} v1 and makes it current, through every step to executed. */
    BigInteger executed() {
        return governance.pass(chain.proposer(), List.of(chain.proposer()), new GovernanceProposal(List.of(
                registry.approveVersion(IndexerFixture.version(MODEL, "1")), registry.setCurrentVersion(MODEL, "1")),
                "Approve " + MODEL + " v1 and serve it (" + walk + ")\n\nA version the catalog can show.")).proposalId();
    }

    /** Voted against by the only voter: defeated once voting ends. */
    BigInteger defeated() {
        BigInteger id = governance.propose(chain.proposer(), revocation("defeated"));
        governance.startVoting(id);
        governance.vote(chain.proposer(), id, VoteType.AGAINST, "Keep v1 in service");
        governance.endVoting(id);
        return id;
    }

    /** Proposals open for votes, proposed together so that mining to the last one's snapshot opens them all. */
    List<BigInteger> active(String... names) {
        List<BigInteger> ids = java.util.Arrays.stream(names).map(name -> governance.propose(chain.proposer(), revocation(name))).toList();
        governance.startVoting(ids.getLast());
        return ids;
    }

    void voteFor(BigInteger proposal, String reason) {
        governance.vote(chain.proposer(), proposal, VoteType.FOR, reason);
    }

    /** Waits until the app's indexer has read the chain up to its latest block. */
    void awaitIndexed(ProposalReadModel readModel) {
        IndexedHeads.await(readModel, chain.chain().blockNumber(), () -> { });
    }

    private GovernanceProposal revocation(String name) {
        return new GovernanceProposal(List.of(registry.revokeVersion(MODEL, "1", "superseded")),
                "Revoke " + MODEL + " v1 (" + walk + ", " + name + ")\n\nThe **" + name + "** case of the " + walk + ".");
    }
}
