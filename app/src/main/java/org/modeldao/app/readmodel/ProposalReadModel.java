package org.modeldao.app.readmodel;

import static org.modeldao.app.readmodel.Rows.instant;
import static org.modeldao.app.readmodel.Rows.nullableLong;
import static org.modeldao.app.readmodel.Rows.uint;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.VoteType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Proposals and votes as the indexer stored them, paged for lazy grids (offset/limit + count).
 * States are computed in SQL from the stored events and the indexed head, so lists can filter on them.
 */
@Service
public class ProposalReadModel {

    /** The Governor's state function over stored columns; :timepoint is the block a transaction would land in. */
    private static final String STATE = """
            CASE WHEN p.executed_block IS NOT NULL THEN 'EXECUTED'
                 WHEN p.canceled_block IS NOT NULL THEN 'CANCELED'
                 WHEN p.queued_block IS NOT NULL THEN 'QUEUED'
                 WHEN p.snapshot_block >= :timepoint THEN 'PENDING'
                 WHEN p.deadline_block >= :timepoint OR COALESCE(p.extended_deadline_block, 0) >= :timepoint THEN 'ACTIVE'
                 WHEN p.quorum IS NOT NULL AND p.for_votes + p.abstain_votes >= p.quorum AND p.for_votes > p.against_votes THEN 'SUCCEEDED'
                 ELSE 'DEFEATED' END""";
    private static final String SUMMARIES = """
            SELECT * FROM (
                SELECT p.proposal_id, p.title, p.proposer, %s AS state, p.snapshot_block,
                       CASE WHEN p.extended_deadline_block > p.deadline_block THEN p.extended_deadline_block ELSE p.deadline_block END AS deadline,
                       p.for_votes, p.against_votes, p.abstain_votes, p.quorum, p.vote_count, p.eta_seconds,
                       p.created_block, p.created_log_index, p.created_at
                FROM proposal p %s) s %s""";

    private final JdbcClient jdbc;

    public ProposalReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    public List<ProposalSummary> proposals(ProposalFilter filter, int offset, int limit) {
        Paging.check(offset, limit);
        return summaries(filter, " ORDER BY s.created_block DESC, s.created_log_index DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("offset", offset).param("limit", limit)
                .query(ProposalReadModel::summary).list();
    }

    public long countProposals(ProposalFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM (" + summariesSql(filter) + ") c").params(parameters(filter)).query(Long.class).single();
    }

    public Optional<ProposalDetail> proposal(BigInteger id) {
        Optional<ProposalSummary> summary = jdbc.sql(SUMMARIES.formatted(STATE, "WHERE p.proposal_id = :id", ""))
                .param("timepoint", timepoint()).param("id", id.toString())
                .query(ProposalReadModel::summary).optional();
        return summary.map(s -> detail(s, id.toString()));
    }

    private ProposalDetail detail(ProposalSummary summary, String id) {
        Map<String, Object> row = jdbc.sql("SELECT description, description_hash, executed_tx FROM proposal WHERE proposal_id = ?").param(id)
                .query().singleRow();
        List<HistoryRecord> effects = jdbc.sql("SELECT " + Rows.HISTORY_COLUMNS + """
                         FROM chain_event WHERE proposal_id = ? AND contract = 'REGISTRY' ORDER BY block_number, log_index""")
                .param(id).query(Rows::historyRecord).list();
        return new ProposalDetail(summary, (String) row.get("description"), Optional.ofNullable((String) row.get("description_hash")),
                (String) row.get("executed_tx"), effects);
    }

    /** The proposal's calls exactly as proposed (target, value, calldata): queue, execute and cancel need them, */
    public List<ProposalCall> calls(BigInteger proposalId) {
        return jdbc.sql("SELECT target, value_wei, calldata FROM proposal_action WHERE proposal_id = ? ORDER BY action_index")
                .param(proposalId.toString())
                .query((rs, n) -> new ProposalCall(rs.getString("target"), uint(rs, "value_wei"), rs.getString("calldata")))
                .list();
    }

    /** The proposal's calls with the action the indexer decoded from each, in proposal order (for the pages). */
    public List<StoredAction> actions(BigInteger proposalId) {
        return jdbc.sql("""
                        SELECT target, value_wei, calldata, decoded_action FROM proposal_action WHERE proposal_id = ?
                        ORDER BY action_index""")
                .param(proposalId.toString())
                .query((rs, n) -> new StoredAction(new ProposalCall(rs.getString("target"), uint(rs, "value_wei"),
                        rs.getString("calldata")), Optional.ofNullable(rs.getString("decoded_action"))))
                .list();
    }

    /** Ballots on a proposal, latest first. */
    public List<VoteRecord> votes(BigInteger proposalId, int offset, int limit) {
        return votes(proposalId, VoteOrder.LATEST_FIRST, offset, limit);
    }

    /** One page of a proposal's ballots in the given order (for a lazy grid; {@link #countVotes} gives the size). */
    public List<VoteRecord> votes(BigInteger proposalId, VoteOrder order, int offset, int limit) {
        Paging.check(offset, limit);
        return jdbc.sql("SELECT * FROM vote WHERE proposal_id = :id ORDER BY " + order.orderBy()
                        + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("id", proposalId.toString()).param("offset", offset).param("limit", limit)
                .query(ProposalReadModel::vote).list();
    }

    public long countVotes(BigInteger proposalId) {
        return jdbc.sql("SELECT COUNT(*) FROM vote WHERE proposal_id = ?").param(proposalId.toString()).query(Long.class).single();
    }

    /** The ballot an account cast on a proposal, if any (each account votes once). */
    public Optional<VoteRecord> voteOf(BigInteger proposalId, String voter) {
        return jdbc.sql("SELECT * FROM vote WHERE proposal_id = ? AND voter = ?")
                .params(proposalId.toString(), Paging.address(voter))
                .query(ProposalReadModel::vote).optional();
    }

    public IndexedHead indexedHead() {
        return jdbc.sql("SELECT next_block, updated_at FROM indexer_cursor")
                .query((rs, n) -> new IndexedHead(rs.getLong("next_block") - 1, instant(rs, "updated_at")))
                .optional().orElse(IndexedHead.NOTHING);
    }

    private JdbcClient.StatementSpec summaries(ProposalFilter filter, String order) {
        return jdbc.sql(summariesSql(filter) + order).params(parameters(filter));
    }

    private static String summariesSql(ProposalFilter filter) {
        return SUMMARIES.formatted(STATE, filter.proposer() == null ? "" : "WHERE p.proposer = :proposer",
                filter.state() == null ? "" : "WHERE s.state = :state");
    }

    private Map<String, Object> parameters(ProposalFilter filter) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("timepoint", timepoint());
        if (filter.proposer() != null) {
            parameters.put("proposer", filter.proposer());
        }
        if (filter.state() != null) {
            parameters.put("state", filter.state().name());
        }
        return parameters;
    }

    /** The Governor compares with the block a transaction would be mined in: the indexed head + 1. */
    private long timepoint() {
        return jdbc.sql("SELECT next_block FROM indexer_cursor").query(Long.class).optional().orElse(0L);
    }

    private static ProposalSummary summary(ResultSet rs, int row) throws SQLException {
        return new ProposalSummary(new BigInteger(rs.getString("proposal_id")), rs.getString("title"), rs.getString("proposer"),
                ProposalState.valueOf(rs.getString("state")), rs.getLong("snapshot_block"), rs.getLong("deadline"),
                uint(rs, "for_votes"), uint(rs, "against_votes"), uint(rs, "abstain_votes"), uint(rs, "quorum"),
                rs.getInt("vote_count"), nullableLong(rs, "eta_seconds"), rs.getLong("created_block"), instant(rs, "created_at"));
    }

    private static VoteRecord vote(ResultSet rs, int row) throws SQLException {
        return new VoteRecord(new BigInteger(rs.getString("proposal_id")), rs.getString("voter"), VoteType.ofSupport(rs.getInt("support")),
                uint(rs, "weight"), rs.getString("reason"), rs.getLong("block_number"), rs.getString("tx_hash"), instant(rs, "cast_at"));
    }
}
