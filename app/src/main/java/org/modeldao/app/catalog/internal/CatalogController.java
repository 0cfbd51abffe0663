package org.modeldao.app.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.modeldao.app.catalog.CatalogModel;
import org.modeldao.app.catalog.DecisionLink;
import org.modeldao.app.catalog.ModelCatalog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/catalog/models/{name}}: the catalog page's data as JSON, read-only and public like
 * the page. Every version, the current-version switch, the access policy and each constraint name
 * the proposal whose execution decided them and the transaction that executed it (from the
 * indexer's read model), so what the app says can be compared with the gateway's metadata.
 */
@RestController
class CatalogController {

    private final ModelCatalog catalog;

    CatalogController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param proposalId decimal, empty when the change was not made by an executed proposal */
    record Decision(@JsonProperty("proposal_id") String proposalId, String transaction) {

        static Decision of(DecisionLink link) {
            return new Decision(link.proposalId().map(Object::toString).orElse(""), link.transactionHash());
        }
    }

    record Version(String version, String state, @JsonProperty("artifact_sha256") String artifactSha256,
            @JsonProperty("card_sha256") String cardSha256, @JsonProperty("approved_by") Decision approvedBy,
            @JsonProperty("revoked_by") Decision revokedBy, @JsonProperty("revocation_reason") String revocationReason) {
    }

    record Rule(String id, String description, @JsonProperty("decided_by") Decision decidedBy) {
    }

    record Model(String name, @JsonProperty("current_version") String currentVersion,
            @JsonProperty("current_version_set_by") Decision currentVersionSetBy, List<Version> versions, Rule policy,
            List<Rule> constraints) {
    }

    @GetMapping(path = "/api/catalog/models/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Model> model(@PathVariable String name) {
        return catalog.model(name).map(CatalogController::json).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static Model json(CatalogModel m) {
        return new Model(m.name(), m.currentVersion().orElse(""), m.currentSetBy().map(Decision::of).orElse(null),
                m.versions().stream().map(v -> new Version(v.version(), v.state().name(), v.artifactSha256(), v.cardSha256(),
                        Decision.of(v.approvedBy()), v.revokedBy().map(Decision::of).orElse(null), v.revocationReason()))
                        .toList(),
                m.accessPolicy().map(CatalogController::rule).orElse(null),
                m.constraints().stream().map(CatalogController::rule).toList());
    }

    private static Rule rule(CatalogModel.Rule r) {
        return new Rule(r.constraintId().map(Object::toString).orElse(null), r.description(), Decision.of(r.decidedBy()));
    }
}
