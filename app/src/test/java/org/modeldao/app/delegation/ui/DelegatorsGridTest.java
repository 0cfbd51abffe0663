package org.modeldao.app.delegation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.delegation.Delegator;
import org.modeldao.app.readmodel.DelegateReadModel;
import org.modeldao.app.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Keys;

/**
 * A delegate's delegators are paged from the read model (count + one page in SQL), largest
 * balance first, over 1,000 delegators stored as the indexer stores them (delegations and transfers).
 */
class DelegatorsGridTest {

    static final String DELEGATE = "0x00000000000000000000000000000000000000de";
    static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    static TestDatabase database;
    static DelegationService delegation;

    @BeforeAll
    static void thousandDelegators() {
        database = TestDatabase.h2();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        for (int i = 1; i <= 1_000; i++) {
            String account = account(i);
            jdbc.sql("INSERT INTO account_delegate (delegator, delegate, block_number) VALUES (?, ?, ?)").params(account, DELEGATE, i).update();
            // minted i + 1 tokens, then gave one away: balance i tokens
            transfer(jdbc, i, 0, "0x0000000000000000000000000000000000000000", account, i + 1);
            transfer(jdbc, i, 1, account, "0x00000000000000000000000000000000000000ff", 1);
        }
        // the balances the indexer keeps beside the transfers (account_balance) and copies beside each delegation
        jdbc.sql("""
                INSERT INTO account_balance (account, balance, block_number)
                SELECT to_account, SUM(amount) - COALESCE((SELECT SUM(o.amount) FROM token_transfer o WHERE o.from_account = t.to_account), 0),
                       MAX(block_number)
                FROM token_transfer t WHERE to_account <> '0x0000000000000000000000000000000000000000' GROUP BY to_account""").update();
        jdbc.sql("UPDATE account_delegate SET balance = COALESCE((SELECT b.balance FROM account_balance b WHERE b.account = delegator), 0)")
                .update();
        jdbc.sql("INSERT INTO account_delegate (delegator, delegate, block_number) VALUES (?, ?, ?)")
                .params("0x00000000000000000000000000000000000000aa", "0x00000000000000000000000000000000000000ab", 1).update();
        delegation = new DelegationService(null, null, new DelegateReadModel(jdbc), null, null);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static String account(int i) {
        return String.format("0x%040x", 0x10000 + i);
    }

    static void transfer(JdbcClient jdbc, int block, int logIndex, String from, String to, long tokens) {
        jdbc.sql("INSERT INTO token_transfer (tx_hash, log_index, from_account, to_account, amount, block_number) VALUES (?, ?, ?, ?, ?, ?)")
                .params(String.format("0x%064x", block), logIndex, from, to, new BigDecimal(TOKEN.multiply(BigInteger.valueOf(tokens))), block)
                .update();
    }

    @Test
    void a_thousand_delegators_are_served_page_by_page_largest_balance_first() {
        Grid<Delegator> grid = DelegatorsGrid.of(delegation, Keys.toChecksumAddress(DELEGATE));

        assertThat(grid.getDataProvider().isInMemory()).isFalse();
        assertThat(grid.getDataProvider().size(new Query<>())).isEqualTo(1_000);
        List<Delegator> first = grid.getDataProvider().fetch(new Query<>(0, 50, List.of(), null, null)).toList();
        List<Delegator> last = grid.getDataProvider().fetch(new Query<>(950, 50, List.of(), null, null)).toList();

        assertThat(first).hasSize(50);
        assertThat(first.getFirst()).isEqualTo(new Delegator(Keys.toChecksumAddress(account(1_000)), TOKEN.multiply(BigInteger.valueOf(1_000))));
        assertThat(last).hasSize(50);
        assertThat(last.getLast()).isEqualTo(new Delegator(Keys.toChecksumAddress(account(1)), TOKEN));
    }

    @Test
    void a_delegate_nobody_delegates_to_has_an_empty_list() {
        Grid<Delegator> grid = DelegatorsGrid.of(delegation, "0x000000000000000000000000000000000000dEaD");

        assertThat(grid.getDataProvider().size(new Query<>())).isZero();
    }
}
