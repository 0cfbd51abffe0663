package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.DelegateReadModel;
import org.modeldao.app.readmodel.DelegateSummary;
import org.modeldao.app.readmodel.DelegatorBalance;
import org.modeldao.app.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Credentials;

/**
 * The delegates page and each delegate's delegators (with balances) equal what the token contract
 * says, as delegations move, tokens change hands and a reorganisation takes some of that back.
 * The balances come from the indexer's account_balance projection; run on H2 and PostgreSQL.
 */
abstract class DelegationPagesContract {

    static IndexerFixture dao;
    static TestDatabase database;
    static ChainIndexer indexer;
    static DelegateReadModel delegates;

    static void setUp(String databaseKind) {
        dao = IndexerFixture.start();
        database = TestDatabase.of(databaseKind);
        indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults().withBatchBlocks(3));
        delegates = new DelegateReadModel(JdbcClient.create(database.dataSource()));
    }

    @AfterAll
    static void tearDown() {
        if (database != null) {
            database.close();
        }
        if (dao != null) {
            dao.close();
        }
    }

    @Test
    void the_pages_follow_delegations_transfers_and_a_reorganisation() throws Exception {
        Credentials admin = dao.admin;
        List<Credentials> members = dao.members;
        indexer.catchUp();
        assertPagesMatchChain("after the deployment (everyone self-delegated)");

        dao.governance.delegate(members.get(3), admin.getAddress());
        indexer.catchUp();
        assertPagesMatchChain("after member 3 delegated to the admin");
        assertThat(delegates.delegators(admin.getAddress(), 0, 10)).extracting(DelegatorBalance::address)
                .containsExactly(lower(admin), lower(members.get(3)));

        transfer(members.get(1), members.get(3), 2_500);
        transfer(admin, members.get(3), 30_000);
        indexer.catchUp();
        assertPagesMatchChain("after two transfers to member 3");
        // member 3 now holds 47,500 and the admin 10,000: the largest balance comes first
        assertThat(delegates.delegators(admin.getAddress(), 0, 10)).extracting(DelegatorBalance::address, DelegatorBalance::balance)
                .containsExactly(tuple(lower(members.get(3)), tokens(47_500)),
                        tuple(lower(admin), tokens(10_000)));

        String snapshot = dao.chain.snapshot();
        transfer(members.get(3), members.get(0), 40_000);
        dao.governance.delegate(members.get(3), members.get(2).getAddress());
        indexer.catchUp();
        assertPagesMatchChain("on the branch that will be orphaned");

        assertThat(dao.chain.revert(snapshot)).isTrue();
        indexer.catchUp();
        assertPagesMatchChain("after the reorganisation took the branch back");

        transfer(members.get(0), members.get(2), 1_000);
        dao.chain.mine(5);
        indexer.catchUp();
        assertPagesMatchChain("after a transfer on the canonical chain");
    }

    private static void transfer(Credentials from, Credentials to, long whole) throws Exception {
        dao.governance.token(from).transfer(to.getAddress(), tokens(whole)).send();
    }

    /** Every holder's delegate and balance, and every delegate's votes, read from the token; compared with both pages. */
    private static void assertPagesMatchChain(String when) throws Exception {
        var token = dao.token();
        Map<String, List<DelegatorBalance>> delegatorsOnChain = new TreeMap<>();
        List<DelegateSummary> delegatesOnChain = new ArrayList<>();
        List<Credentials> holders = dao.chain.accounts().subList(0, 5);
        for (Credentials holder : holders) {
            String delegate = token.delegates(holder.getAddress()).send().toLowerCase(Locale.ROOT);
            delegatorsOnChain.computeIfAbsent(delegate, d -> new ArrayList<>())
                    .add(new DelegatorBalance(lower(holder), token.balanceOf(holder.getAddress()).send(), 0));
        }
        for (Credentials holder : holders) {
            BigInteger votes = token.getVotes(holder.getAddress()).send();
            if (votes.signum() > 0) {
                delegatesOnChain.add(new DelegateSummary(lower(holder), votes,
                        delegatorsOnChain.getOrDefault(lower(holder), List.of()).size()));
            }
        }
        delegatesOnChain.sort(Comparator.comparing(DelegateSummary::votes).reversed().thenComparing(DelegateSummary::address));

        assertThat(delegates.countDelegates()).as(when).isEqualTo(delegatesOnChain.size());
        assertThat(delegates.delegates(0, 50)).as(when).isEqualTo(delegatesOnChain);
        for (Credentials holder : holders) {
            List<DelegatorBalance> expected = new ArrayList<>(delegatorsOnChain.getOrDefault(lower(holder), List.of()));
            expected.sort(Comparator.comparing(DelegatorBalance::balance).reversed().thenComparing(DelegatorBalance::address));
            List<DelegatorBalance> page = delegates.delegators(holder.getAddress(), 0, 50);
            assertThat(page).as(when + ": delegators of " + holder.getAddress())
                    .extracting(DelegatorBalance::address, DelegatorBalance::balance)
                    .containsExactlyElementsOf(expected.stream()
                            .map(d -> tuple(d.address(), d.balance())).toList());
            assertThat(delegates.countDelegators(holder.getAddress())).as(when).isEqualTo(expected.size());
        }
    }

    private static String lower(Credentials account) {
        return account.getAddress().toLowerCase(Locale.ROOT);
    }
}
