package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.EventProjection.address;
import static org.modeldao.app.indexer.EventProjection.name;
import static org.modeldao.app.indexer.EventProjection.text;
import static org.modeldao.app.indexer.EventProjection.uri;
import static org.modeldao.app.indexer.EventProjection.utc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import org.modeldao.contracts.events.RegistryEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry changes: model versions, the current-version alias, access policies and ethical
 * constraints. Each row names the proposal whose execution made it (the stream's attribution,
 * through the governor or the timelock directly), if any.
 */
final class RegistryProjection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryProjection() {
    }

    static void apply(RegistryEvent event, BatchChanges changes) {
        long block = event.position().blockNumber();
        String tx = event.position().txHash();
        int index = event.position().logIndex();
        LocalDateTime time = utc(event.position().blockTime());
        BigInteger proposal = event.approvingProposal().orElse(null);
        String proposalId = proposal == null ? null : proposal.toString();
        String summary = switch (event) {
            case RegistryEvent.ModelVersionApproved e -> {
                changes.add(Statement.INSERT_VERSION, name(e.model()), name(e.version()), e.artifactSha256(), uri(e.artifactUri()),
                        e.cardSha256(), uri(e.cardUri()), name(e.format()), block, index, tx, time, proposalId);
                yield "Approved " + name(e.model()) + " " + name(e.version()) + " (" + name(e.format()) + ")";
            }
            case RegistryEvent.ModelVersionRevoked e -> {
                changes.add(Statement.VERSION_REVOKED, block, tx, time, text(e.reason()), proposalId, name(e.model()), name(e.version()));
                yield "Revoked " + name(e.model()) + " " + name(e.version()) + ": " + text(e.reason());
            }
            case RegistryEvent.CurrentVersionChanged e -> {
                String model = name(e.model());
                String previous = name(e.previousVersion());
                String current = name(e.newVersion());
                changes.add(Statement.INSERT_CURRENT_CHANGE, tx, index, model, previous, current, block, time, proposalId);
                yield current.isEmpty() ? model + " has no current version any more"
                        : model + " now serves " + current + (previous.isEmpty() ? "" : " (was " + previous + ")");
            }
            case RegistryEvent.AccessPolicySet e -> {
                List<String> allowList = e.allowList().stream().map(EventProjection::address).toList();
                changes.add(Statement.INSERT_POLICY, tx, index, name(e.model()), e.kind().code().intValueExact(),
                        new BigDecimal(e.minVotes()), e.requestsPerMinute(), e.maxBatchSize(), String.join(",", allowList), block, time,
                        proposalId);
                yield "Access policy of " + name(e.model()) + " set (kind " + e.kind().code() + ", " + e.requestsPerMinute()
                        + " requests/min)";
            }
            case RegistryEvent.EthicalConstraintAdded e -> {
                List<String> values = e.values().stream().map(EventProjection::name).toList();
                changes.add(Statement.INSERT_CONSTRAINT, new BigDecimal(e.constraintId()), name(e.model()), e.kind().code().intValueExact(),
                        name(e.target()), new BigDecimal(e.minValue()), new BigDecimal(e.maxValue()), JSON.writeValueAsString(values),
                        text(e.rationale()), block, tx, time, proposalId);
                yield "Constraint " + e.constraintId() + " added to " + name(e.model()) + ": " + text(e.rationale());
            }
            case RegistryEvent.EthicalConstraintRemoved e -> {
                changes.add(Statement.CONSTRAINT_REMOVED, block, tx, time, text(e.reason()), proposalId, new BigDecimal(e.constraintId()));
                yield "Constraint " + e.constraintId() + " removed from " + name(e.model()) + ": " + text(e.reason());
            }
            case RegistryEvent.OwnershipTransferred e -> "Registry owned by " + address(e.newOwner());
        };
        if (proposal != null) {
            changes.touch(proposal);
        }
        changes.history(event, proposal, summary);
    }
}
