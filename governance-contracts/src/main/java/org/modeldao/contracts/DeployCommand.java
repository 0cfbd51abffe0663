package org.modeldao.contracts;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * Deploys the DAO to any JSON-RPC node and writes the deployment descriptor; configured by
 * environment variables so it runs the same as a one-shot container or by hand:
 *
 * <ul>
 *   <li>{@code RPC_URL} (required) — the node's JSON-RPC endpoint</li>
 *   <li>{@code DEPLOYER_PRIVATE_KEY} (required) — hex key of the deploying account (it keeps no role)</li>
 *   <li>{@code TOKEN_ALLOCATIONS} (required) — {@code 0xAddress=wholeTokens,0xAddress=wholeTokens,…}</li>
 *   <li>{@code DESCRIPTOR_PATH} — where to write the descriptor (default {@code deployment.json})</li>
 *   <li>{@code VOTING_DELAY_BLOCKS}, {@code VOTING_PERIOD_BLOCKS}, {@code PROPOSAL_THRESHOLD_TOKENS},
 *       {@code QUORUM_PERCENT}, {@code LATE_QUORUM_EXTENSION_BLOCKS}, {@code TIMELOCK_DELAY_SECONDS} —
 *       Governor settings (defaults: 7200, 50400, 1000, 4, 7200, 172800: a day, a week and two days at 12 s blocks)</li>
 * </ul>
 *
 * <p>On any chain but the dev chain (31337) it refuses, before sending anything, Hardhat's
 * well-known dev accounts as deployer or token holders and dev timings (see {@link DeploymentSafety});
 * placeholders left from {@code docker/.env.example} are refused everywhere.
 */
public final class DeployCommand {

    private DeployCommand() {
    }

    public static void main(String[] args) {
        run(System.getenv());
    }

    /** The command with its environment passed in; returns the descriptor it wrote. */
    static DeploymentDescriptor run(Map<String, String> env) {
        String rpcUrl = required(env, "RPC_URL");
        Credentials deployer = DeploymentSafety.deployer(required(env, "DEPLOYER_PRIVATE_KEY"));
        Path descriptorPath = Path.of(env.getOrDefault("DESCRIPTOR_PATH", "deployment.json"));
        DeploymentSettings settings = new DeploymentSettings("Model DAO Vote", "MDV",
                parseAllocations(DeploymentSafety.allocationSpec(required(env, "TOKEN_ALLOCATIONS"))),
                number(env, "VOTING_DELAY_BLOCKS", 7_200), number(env, "VOTING_PERIOD_BLOCKS", 50_400),
                DeploymentSettings.tokens(number(env, "PROPOSAL_THRESHOLD_TOKENS", 1_000)),
                (int) number(env, "QUORUM_PERCENT", 4), number(env, "LATE_QUORUM_EXTENSION_BLOCKS", 7_200),
                Duration.ofSeconds(number(env, "TIMELOCK_DELAY_SECONDS", 172_800)));

        DeploymentSafety.checkHolders(settings.allocations());

        Web3j web3j = Web3j.build(NodeConnection.http(rpcUrl, NodeConnection.NodeLimits.DEFAULTS));
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            // before any transaction: Hardhat's public dev keys and dev timings only on the dev chain
            DeploymentSafety.check(chainId, deployer, settings);
            DeploymentDescriptor descriptor = new GovernanceDeployer(web3j, rpcUrl, chainId, Duration.ofSeconds(2))
                    .deploy(deployer, settings);
            descriptor.write(descriptorPath);
            System.out.println(descriptor.toJson());
            return descriptor;
        } catch (java.io.IOException e) {
            throw new GovernanceDeployer.DeploymentFailedException("cannot reach " + rpcUrl + ": " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }

    /** Parses {@code 0xAddress=wholeTokens,…}. */
    static List<Allocation> parseAllocations(String spec) {
        List<Allocation> allocations = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("TOKEN_ALLOCATIONS entry '" + entry + "' is not 0xAddress=wholeTokens");
            }
            allocations.add(new Allocation(parts[0].strip(), DeploymentSettings.ONE_TOKEN.multiply(new BigInteger(parts[1].strip()))));
        }
        return allocations;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is required");
        }
        return value;
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }
}
