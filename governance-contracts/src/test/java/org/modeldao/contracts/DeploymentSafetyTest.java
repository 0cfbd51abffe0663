package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.DeploymentSafety.UnsafeDeployment;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.devchain.DevAccounts;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

class DeploymentSafetyTest {

    static final long MAINNET = 1;
    static final Credentials OWN_KEY = Credentials.create("0x" + "1".repeat(64));
    static final String MEMBER = "0x" + "ab".repeat(20);

    static DeploymentSettings settings(List<Allocation> allocations, long votingPeriodBlocks, Duration timelock) {
        return new DeploymentSettings("Model DAO Vote", "MDV", allocations, 7_200, votingPeriodBlocks, tokens(1_000), 4, 10, timelock);
    }

    static DeploymentSettings production(String holder) {
        return settings(List.of(new Allocation(holder, tokens(40_000))), 50_400, Duration.ofDays(2));
    }

    @Test
    void own_keys_members_and_production_timings_pass_on_any_chain() {
        assertThat(DeploymentSafety.problems(MAINNET, OWN_KEY, production(MEMBER))).isEmpty();
        assertThat(DeploymentSafety.problems(11_155_111, OWN_KEY, settings(List.of(new Allocation(MEMBER, tokens(1))), 300,
                Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void every_one_of_the_twenty_dev_keys_is_refused_off_the_dev_chain() {
        for (int i = 0; i < DevAccounts.COUNT; i++) {
            Credentials dev = DevAccounts.get(i);
            assertThat(DeploymentSafety.problems(MAINNET, dev, production(MEMBER))).singleElement().asString()
                    .contains("DEPLOYER_PRIVATE_KEY is the key of Hardhat dev account #" + i, "public to anyone");
        }
    }

    @Test
    void tokens_for_a_dev_address_in_any_spelling_are_refused_off_the_dev_chain() {
        String devLower = DevAccounts.get(2).getAddress().toLowerCase();
        for (String spelling : List.of(devLower, Keys.toChecksumAddress(devLower))) {
            assertThat(DeploymentSafety.problems(MAINNET, OWN_KEY, production(spelling))).singleElement().asString()
                    .contains("TOKEN_ALLOCATIONS gives tokens to Hardhat dev account #2", "name your members' addresses");
        }
    }

    @Test
    void dev_timings_are_refused_off_the_dev_chain_naming_the_variable_and_the_minimum() {
        assertThat(DeploymentSafety.problems(MAINNET, OWN_KEY, settings(List.of(new Allocation(MEMBER, tokens(1))), 50,
                Duration.ofMinutes(1)))).containsExactly(
                "VOTING_PERIOD_BLOCKS=50 is a dev-chain timing: members would have minutes to vote; set at least 300"
                        + " (empty = 50400, a week at 12 s blocks)",
                "TIMELOCK_DELAY_SECONDS=60 is a dev-chain timing: nobody could react to a passed proposal before it runs;"
                        + " set at least 3600 (empty = 172800, two days)");
    }

    @Test
    void the_dev_chain_accepts_dev_accounts_and_dev_timings() {
        DeploymentSettings dev = DeploymentSettings.forDevChain(List.of(new Allocation(DevAccounts.get(0).getAddress(), tokens(40_000))));
        assertThat(DeploymentSafety.problems(31337, DevAccounts.get(0), dev)).isEmpty();
        assertThatThrownBy(() -> DeploymentSafety.check(1337, DevAccounts.get(0), dev)).isInstanceOf(UnsafeDeployment.class)
                .hasMessageStartingWith("Refusing to deploy on chain 1337 (only the dev chain 31337 accepts dev accounts and timings);"
                        + " nothing was sent:");
    }

    @Test
    void placeholders_from_the_env_example_cannot_deploy_and_say_so() {
        assertThatThrownBy(() -> DeploymentSafety.deployer("replace-with-the-deployer-private-key"))
                .isInstanceOf(UnsafeDeployment.class).hasMessageContaining("still holds the placeholder from .env.example");
        assertThatThrownBy(() -> DeploymentSafety.allocationSpec("0xReplaceWithHolderAddress=40000"))
                .isInstanceOf(UnsafeDeployment.class).hasMessageContaining("TOKEN_ALLOCATIONS still holds the placeholder");
        assertThatThrownBy(() -> DeploymentSafety.deployer("0x1234")).isInstanceOf(UnsafeDeployment.class)
                .hasMessageContaining("is not a private key");
        assertThatThrownBy(() -> DeploymentSafety.checkHolders(List.of(new Allocation("0x1234", tokens(1)))))
                .isInstanceOf(UnsafeDeployment.class).hasMessageContaining("'0x1234', which is not an address");
        assertThat(DeploymentSafety.deployer(" 0x" + "1".repeat(64) + " ").getAddress()).isEqualTo(OWN_KEY.getAddress());
    }
}
