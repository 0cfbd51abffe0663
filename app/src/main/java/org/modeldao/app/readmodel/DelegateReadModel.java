package org.modeldao.app.readmodel;

import static org.modeldao.app.readmodel.Rows.uint;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Voting power and delegation, as the token's DelegateChanged / DelegateVotesChanged events left them. */
@Service
public class DelegateReadModel {

    private static final String SUMMARY = """
            SELECT d.delegate, d.votes, (SELECT COUNT(*) FROM account_delegate a WHERE a.delegate = d.delegate) AS delegators
            FROM delegate_power d""";

    private final JdbcClient jdbc;

    public DelegateReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accounts holding voting power, most powerful first. */
    public List<DelegateSummary> delegates(int offset, int limit) {
        Paging.check(offset, limit);
        // the page is cut first (read in order from ix_delegate_power_rank), then its rows' delegators counted:
        // counting in the outer select would count for every delegate sorted or skipped over
        return jdbc.sql("""
                        SELECT p.delegate, p.votes, (SELECT COUNT(*) FROM account_delegate a WHERE a.delegate = p.delegate) AS delegators
                        FROM (SELECT delegate, votes FROM delegate_power WHERE votes > 0
                              ORDER BY votes DESC, delegate OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY) p
                        ORDER BY p.votes DESC, p.delegate""")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new DelegateSummary(rs.getString("delegate"), uint(rs, "votes"), rs.getInt("delegators")))
                .list();
    }

    public long countDelegates() {
        return jdbc.sql("SELECT COUNT(*) FROM delegate_power WHERE votes > 0").query(Long.class).single();
    }

    /** An account's current voting power (zero when it never held any). */
    public DelegateSummary delegate(String address) {
        String account = Paging.address(address);
        return jdbc.sql(SUMMARY + " WHERE d.delegate = ?").param(account)
                .query((rs, n) -> new DelegateSummary(account, uint(rs, "votes"), rs.getInt("delegators")))
                .optional()
                .orElse(new DelegateSummary(account, BigInteger.ZERO, 0));
    }

    /** The accounts delegating to {@code delegate} (itself included when self-delegated), largest balance first. */
    public List<DelegatorBalance> delegators(String delegate, int offset, int limit) {
        Paging.check(offset, limit);
        // the balance kept beside each delegation (V70): read in (delegate, balance DESC, delegator) index order
        return jdbc.sql("""
                        SELECT delegator, block_number, balance FROM account_delegate WHERE delegate = :delegate
                        ORDER BY balance DESC, delegator OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
                .param("delegate", Paging.address(delegate)).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new DelegatorBalance(rs.getString("delegator"), uint(rs, "balance"), rs.getLong("block_number")))
                .list();
    }

    public long countDelegators(String delegate) {
        return jdbc.sql("SELECT COUNT(*) FROM account_delegate WHERE delegate = ?").param(Paging.address(delegate))
                .query(Long.class).single();
    }

    /** Whom an account delegates its votes to; empty if it never delegated (its tokens then carry no votes). */
    public Optional<String> delegateOf(String address) {
        return jdbc.sql("SELECT delegate FROM account_delegate WHERE delegator = ?").param(Paging.address(address))
                .query(String.class).optional();
    }
}
