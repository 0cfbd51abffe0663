package org.modeldao.contracts.devchain;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the governance-contracts folder (the Hardhat project the dev chain runs from).
 *
 * <p>Order: system property {@code modeldao.contracts.dir}, environment variable
 * {@code MODELDAO_CONTRACTS_DIR}, then the working directory and its parents (each checked
 * for itself and for a {@code governance-contracts} child), so it works from the
 * repository root, from any module and from the one-command run.
 */
public final class ContractsProject {

    static final String CONFIG_FILE = "hardhat.config.cjs";

    private ContractsProject() {
    }

    public static Path locate() {
        String configured = System.getProperty("modeldao.contracts.dir", System.getenv("MODELDAO_CONTRACTS_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
                throw new DevChainException(dir + " is not the governance-contracts folder (no " + CONFIG_FILE + ")");
            }
            return dir;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir, dir.resolve("governance-contracts")}) {
                if (Files.isRegularFile(candidate.resolve(CONFIG_FILE))) {
                    return candidate;
                }
            }
        }
        throw new DevChainException("governance-contracts folder not found from " + Path.of("").toAbsolutePath()
                + ": set -Dmodeldao.contracts.dir or MODELDAO_CONTRACTS_DIR");
    }
}
