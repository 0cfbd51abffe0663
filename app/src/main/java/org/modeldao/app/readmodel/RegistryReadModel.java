package org.modeldao.app.readmodel;

import static org.modeldao.app.readmodel.Rows.id;
import static org.modeldao.app.readmodel.Rows.instant;
import static org.modeldao.app.readmodel.Rows.uint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The model registry's state as executed proposals shaped it: versions, current aliases, policies, constraints. */
@Service
public class RegistryReadModel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Latest row per model in a history table (same block: higher log index wins). */
    private static final String LATEST = """
            NOT EXISTS (SELECT 1 FROM %1$s n WHERE n.model = c.model
                AND (n.block_number > c.block_number OR (n.block_number = c.block_number AND n.log_index > c.log_index)))""";
    private static final String VERSIONS = """
            SELECT v.*, CASE WHEN cur.new_version = v.version THEN 1 ELSE 0 END AS is_current
            FROM model_version v
            LEFT JOIN (SELECT c.model, c.new_version FROM current_version_change c WHERE %s) cur ON cur.model = v.model
            """.formatted(LATEST.formatted("current_version_change"));

    private final JdbcClient jdbc;

    public RegistryReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> models() {
        return jdbc.sql("SELECT DISTINCT model FROM model_version ORDER BY model").query(String.class).list();
    }

    /** Every version of every model, by model then approval order. */
    public List<ModelVersionView> versions(int offset, int limit) {
        Paging.check(offset, limit);
        return jdbc.sql(VERSIONS + " ORDER BY v.model, v.approved_block, v.approved_log_index OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("offset", offset).param("limit", limit)
                .query(RegistryReadModel::version).list();
    }

    public long countVersions() {
        return jdbc.sql("SELECT COUNT(*) FROM model_version").query(Long.class).single();
    }

    public List<ModelVersionView> versionsOf(String model) {
        return jdbc.sql(VERSIONS + " WHERE v.model = :model ORDER BY v.approved_block, v.approved_log_index").param("model", model)
                .query(RegistryReadModel::version).list();
    }

    public Optional<AccessPolicyView> accessPolicy(String model) {
        return jdbc.sql("SELECT * FROM access_policy_change c WHERE c.model = :model AND " + LATEST.formatted("access_policy_change"))
                .param("model", model).query(RegistryReadModel::policy).optional();
    }

    public Optional<CurrentVersionChange> currentVersionChange(String model) {
        return jdbc.sql("SELECT * FROM current_version_change c WHERE c.model = :model AND " + LATEST.formatted("current_version_change"))
                .param("model", model)
                .query((rs, n) -> new CurrentVersionChange(rs.getString("model"), rs.getString("new_version"), rs.getLong("block_number"),
                        instant(rs, "changed_at"), id(rs, "proposal_id"), rs.getString("tx_hash")))
                .optional();
    }

    /** The policy in force for each model that has one. */
    public List<AccessPolicyView> accessPolicies() {
        return jdbc.sql("SELECT * FROM access_policy_change c WHERE " + LATEST.formatted("access_policy_change") + " ORDER BY c.model")
                .query(RegistryReadModel::policy).list();
    }

    /** A model's constraints in the order they were added; removed ones only when asked for. */
    public List<ConstraintView> constraints(String model, boolean includeRemoved) {
        return jdbc.sql("SELECT * FROM ethical_constraint WHERE model = ?" + (includeRemoved ? "" : " AND removed_block IS NULL")
                        + " ORDER BY constraint_id")
                .param(model).query(RegistryReadModel::constraint).list();
    }

    private static ModelVersionView version(ResultSet rs, int row) throws SQLException {
        return new ModelVersionView(rs.getString("model"), rs.getString("version"), rs.getString("artifact_sha256"),
                rs.getString("artifact_uri"), rs.getString("card_sha256"), rs.getString("card_uri"), rs.getString("format"),
                rs.getObject("revoked_block") != null, rs.getInt("is_current") == 1, instant(rs, "approved_at"),
                rs.getLong("approved_block"), id(rs, "approved_by_proposal"), instant(rs, "revoked_at"),
                rs.getString("revocation_reason"), id(rs, "revoked_by_proposal"), rs.getString("approved_tx"), rs.getString("revoked_tx"));
    }

    private static AccessPolicyView policy(ResultSet rs, int row) throws SQLException {
        String allowList = rs.getString("allow_list");
        return new AccessPolicyView(rs.getString("model"), PolicyKind.values()[rs.getInt("kind")], uint(rs, "min_votes"),
                rs.getLong("requests_per_minute"), rs.getLong("max_batch_size"),
                allowList.isEmpty() ? List.of() : Arrays.asList(allowList.split(",")), instant(rs, "set_at"),
                rs.getLong("block_number"), id(rs, "proposal_id"), rs.getString("tx_hash"));
    }

    private static ConstraintView constraint(ResultSet rs, int row) throws SQLException {
        return new ConstraintView(uint(rs, "constraint_id"), rs.getString("model"), ConstraintKind.values()[rs.getInt("kind")],
                rs.getString("target"), uint(rs, "min_value"), uint(rs, "max_value"),
                JSON.readValue(rs.getString("constraint_values"), new TypeReference<List<String>>() { }), rs.getString("rationale"),
                instant(rs, "added_at"), id(rs, "added_by_proposal"), rs.getObject("removed_block") == null,
                instant(rs, "removed_at"), rs.getString("removal_reason"), id(rs, "removed_by_proposal"), rs.getString("added_tx"),
                rs.getString("removed_tx"));
    }
}
