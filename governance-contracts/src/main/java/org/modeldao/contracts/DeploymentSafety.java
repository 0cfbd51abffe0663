package org.modeldao.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.devchain.DevAccounts;
import org.modeldao.contracts.devchain.DevChain;
import org.web3j.crypto.Credentials;

/**
 * What {@link DeployCommand} refuses before it sends anything. Hardhat's twenty dev accounts
 * come from a published mnemonic: on any chain but the dev chain (31337) a deployer or token
 * holder among them hands the DAO to whoever reads the Hardhat docs, and dev timings (votes of a
 * few blocks, a one-minute timelock) leave members no time to notice or object. Placeholders
 * copied from {@code .env.example} are refused everywhere, with a message saying so.
 */
final class DeploymentSafety {

    /** Shortest voting period accepted off the dev chain: about an hour at 12 s blocks. */
    static final long MIN_VOTING_PERIOD_BLOCKS = 300;
    /** Shortest timelock accepted off the dev chain. */
    static final Duration MIN_TIMELOCK_DELAY = Duration.ofHours(1);

    private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Set<String> DEV_ADDRESSES = DevAccounts.all().stream()
            .map(account -> account.getAddress().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private DeploymentSafety() {
    }

    /** Refuses a value copied unchanged from {@code .env.example} or that is not a private key at all. */
    static Credentials deployer(String privateKey) {
        String key = privateKey.strip();
        if (isPlaceholder(key)) {
            throw new UnsafeDeployment("DEPLOYER_PRIVATE_KEY still holds the placeholder from .env.example ('" + key
                    + "'): it cannot deploy. Set the private key of a funded account you control.");
        }
        if (!PRIVATE_KEY.matcher(key).matches()) {
            throw new UnsafeDeployment("DEPLOYER_PRIVATE_KEY is not a private key (64 hexadecimal digits, optionally 0x-prefixed).");
        }
        return Credentials.create(key);
    }

    /** Refuses a TOKEN_ALLOCATIONS value copied unchanged from {@code .env.example}, before it is parsed. */
    static String allocationSpec(String spec) {
        if (isPlaceholder(spec)) {
            throw new UnsafeDeployment("TOKEN_ALLOCATIONS still holds the placeholder from .env.example: it cannot deploy."
                    + " Name the first token holders as 0xAddress=wholeTokens,...");
        }
        return spec;
    }

    /** Refuses TOKEN_ALLOCATIONS entries that are placeholders or not addresses. */
    static void checkHolders(List<Allocation> allocations) {
        for (Allocation allocation : allocations) {
            String holder = allocation.holder();
            if (isPlaceholder(holder)) {
                throw new UnsafeDeployment("TOKEN_ALLOCATIONS still holds the placeholder '" + holder
                        + "' from .env.example: it cannot deploy. Name the addresses of the first token holders.");
            }
            if (!ADDRESS.matcher(holder).matches()) {
                throw new UnsafeDeployment("TOKEN_ALLOCATIONS names '" + holder + "', which is not an address (0x and 40 hexadecimal digits).");
            }
        }
    }

    /**
     * Everything wrong with deploying {@code settings} from {@code deployer} on {@code chainId};
     * empty on the dev chain, where the dev accounts and timings are the point.
     */
    static List<String> problems(long chainId, Credentials deployer, DeploymentSettings settings) {
        List<String> problems = new ArrayList<>();
        if (chainId == DevChain.CHAIN_ID) {
            return problems;
        }
        if (isDevAccount(deployer.getAddress())) {
            problems.add("DEPLOYER_PRIVATE_KEY is the key of Hardhat dev account #" + devIndex(deployer.getAddress())
                    + " (" + deployer.getAddress() + "), public to anyone: set the key of a funded account only you hold");
        }
        for (Allocation allocation : settings.allocations()) {
            if (isDevAccount(allocation.holder())) {
                problems.add("TOKEN_ALLOCATIONS gives tokens to Hardhat dev account #" + devIndex(allocation.holder()) + " ("
                        + allocation.holder() + "), whose key is public: anyone could vote with them; name your members' addresses");
            }
        }
        if (settings.votingPeriodBlocks() < MIN_VOTING_PERIOD_BLOCKS) {
            problems.add("VOTING_PERIOD_BLOCKS=" + settings.votingPeriodBlocks() + " is a dev-chain timing: members would have minutes"
                    + " to vote; set at least " + MIN_VOTING_PERIOD_BLOCKS + " (empty = 50400, a week at 12 s blocks)");
        }
        if (settings.timelockDelay().compareTo(MIN_TIMELOCK_DELAY) < 0) {
            problems.add("TIMELOCK_DELAY_SECONDS=" + settings.timelockDelay().toSeconds() + " is a dev-chain timing: nobody could react"
                    + " to a passed proposal before it runs; set at least " + MIN_TIMELOCK_DELAY.toSeconds()
                    + " (empty = 172800, two days)");
        }
        return problems;
    }

    /** @throws UnsafeDeployment naming every problem and what to change, before any transaction */
    static void check(long chainId, Credentials deployer, DeploymentSettings settings) {
        List<String> problems = problems(chainId, deployer, settings);
        if (!problems.isEmpty()) {
            throw new UnsafeDeployment("Refusing to deploy on chain " + chainId + " (only the dev chain " + DevChain.CHAIN_ID
                    + " accepts dev accounts and timings); nothing was sent:\n- " + String.join("\n- ", problems));
        }
    }

    static boolean isDevAccount(String address) {
        return DEV_ADDRESSES.contains(address.strip().toLowerCase(Locale.ROOT));
    }

    private static int devIndex(String address) {
        List<Credentials> accounts = DevAccounts.all();
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).getAddress().equalsIgnoreCase(address.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("replace") || lower.contains("change-me") || lower.contains("your-") || lower.startsWith("<");
    }

    /** A deployment that would be unsafe or cannot work; thrown before anything is sent. */
    static final class UnsafeDeployment extends IllegalArgumentException {
        UnsafeDeployment(String message) {
            super(message);
        }
    }
}
