package org.modeldao.app.identity.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.modeldao.app.chain.ChainUnavailable;
import org.modeldao.app.base.Formats;
import org.modeldao.app.identity.AccountStanding;
import org.modeldao.app.identity.MemberRole;

/**
 * How the dev wallet picker names an account: "#0 · admin · 40,000 votes · 0xf39F…", so a developer
 * picks the admin or a plain member by what it can do, not by a bare address. What matters comes
 * first; the whole address comes last, so a pasted address still finds its account.
 */
final class DevAccountLabel {

    /** The role that says most about what the account can do, strongest first. */
    private static final List<MemberRole> BY_STRENGTH = List.of(MemberRole.ADMIN, MemberRole.PROPOSER, MemberRole.MEMBER);

    private DevAccountLabel() {
    }

    /** Labels for the node's accounts in their order; the number is the account's index on the node. */
    static Map<String, String> forAccounts(List<String> addresses, Function<String, AccountStanding> standing) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i);
            String label;
            try {
                label = of(i, address, standing.apply(address));
            } catch (ChainUnavailable e) {
                label = withoutStanding(i, address);
            }
            labels.put(address, label);
        }
        return labels;
    }

    static String of(int index, String address, AccountStanding standing) {
        String role = BY_STRENGTH.stream().filter(standing.roles()::contains).findFirst()
                .map(r -> r.name().toLowerCase(Locale.ROOT)).orElse("no tokens");
        return "#" + index + " · " + role + " · " + Formats.tokens(standing.votes()) + " votes · " + address;
    }

    /** When the chain could not say what the account is, the number and address still tell accounts apart. */
    static String withoutStanding(int index, String address) {
        return "#" + index + " · " + address;
    }
}
