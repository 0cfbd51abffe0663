package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every log of the DAO's contracts in words, newest first: what happened, when, and by which decision. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEvent> events(int offset, int limit) {
        Paging.check(offset, limit);
        return jdbc.sql("SELECT " + Rows.AUDIT_COLUMNS + """
                         FROM chain_event ORDER BY block_number DESC, log_index DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
                .param("offset", offset).param("limit", limit).query(Rows::auditEvent).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM chain_event").query(Long.class).single();
    }

    /** What a proposal went through (creation, votes, lifecycle) and the registry changes its execution made. */
    public List<AuditEvent> eventsOf(BigInteger proposalId) {
        return jdbc.sql("SELECT " + Rows.AUDIT_COLUMNS + " FROM chain_event WHERE proposal_id = ? ORDER BY block_number, log_index")
                .param(proposalId.toString()).query(Rows::auditEvent).list();
    }
}
