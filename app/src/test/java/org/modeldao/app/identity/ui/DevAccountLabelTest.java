package org.modeldao.app.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.identity.AccountStanding;
import org.modeldao.app.identity.MemberRole;

class DevAccountLabelTest {

    private static final String ADMIN = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String MEMBER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String OUTSIDER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final BigInteger TOKEN = BigInteger.TEN.pow(18);

    @Test
    void an_account_is_named_by_its_number_strongest_role_votes_and_address() {
        AccountStanding admin = new AccountStanding(Set.of(MemberRole.MEMBER, MemberRole.PROPOSER, MemberRole.ADMIN),
                TOKEN.multiply(BigInteger.valueOf(40_000)));

        assertThat(DevAccountLabel.of(0, ADMIN, admin)).isEqualTo("#0 · admin · 40,000 votes · " + ADMIN);
        assertThat(DevAccountLabel.of(3, MEMBER, new AccountStanding(Set.of(MemberRole.MEMBER), BigInteger.ZERO)))
                .isEqualTo("#3 · member · 0 votes · " + MEMBER);
        assertThat(DevAccountLabel.of(17, OUTSIDER, new AccountStanding(Set.of(), BigInteger.ZERO)))
                .isEqualTo("#17 · no tokens · 0 votes · " + OUTSIDER);
    }

    @Test
    void accounts_are_numbered_in_the_nodes_order_and_one_the_chain_cannot_describe_keeps_its_number() {
        Map<String, AccountStanding> chain = Map.of(ADMIN, new AccountStanding(Set.of(MemberRole.PROPOSER, MemberRole.MEMBER),
                TOKEN.multiply(BigInteger.valueOf(15_000))));

        Map<String, String> labels = DevAccountLabel.forAccounts(List.of(ADMIN, MEMBER), address -> {
            AccountStanding standing = chain.get(address);
            if (standing == null) {
                throw new ChainUnavailable("node went away", null);
            }
            return standing;
        });

        assertThat(labels).containsExactly(Map.entry(ADMIN, "#0 · proposer · 15,000 votes · " + ADMIN),
                Map.entry(MEMBER, "#1 · " + MEMBER));
    }
}
