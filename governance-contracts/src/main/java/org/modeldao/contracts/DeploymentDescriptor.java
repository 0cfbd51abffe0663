package org.modeldao.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import org.web3j.crypto.WalletUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a deployed DAO lives: the file the app, the gateway and the tools read to find the
 * contracts. Written by {@link GovernanceDeployer}; JSON on disk.
 *
 * @param chainId         EIP-155 chain id the contracts live on
 * @param rpcUrl          JSON-RPC endpoint used for the deployment (readers may override it)
 * @param token           GovernanceToken address
 * @param timelock        ModelDaoTimelock address (owner of the registry)
 * @param governor        ModelDaoGovernor address
 * @param registry        ModelRegistry address
 * @param deploymentBlock first block to read logs from
 * @param deployedAt      wall-clock time of the deployment
 */
public record DeploymentDescriptor(
        long chainId,
        String rpcUrl,
        String token,
        String timelock,
        String governor,
        String registry,
        long deploymentBlock,
        Instant deployedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public DeploymentDescriptor {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(deployedAt, "deployedAt");
        if (chainId <= 0) {
            throw new InvalidDescriptorException("chainId must be positive, was " + chainId);
        }
        if (deploymentBlock < 0) {
            throw new InvalidDescriptorException("deploymentBlock must not be negative, was " + deploymentBlock);
        }
        requireAddress("token", token);
        requireAddress("timelock", timelock);
        requireAddress("governor", governor);
        requireAddress("registry", registry);
    }

    public static DeploymentDescriptor read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), DeploymentDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read deployment descriptor " + file, e);
        } catch (JacksonException e) {
            throw new InvalidDescriptorException("malformed deployment descriptor " + file + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Reads the descriptor, with the RPC URL replaced when {@code rpcUrlOverride} is set (a service
     * reaches the node by another address than the deployer did): how the app and the gateway both
     * read their deployment.
     */
    public static DeploymentDescriptor read(Path file, String rpcUrlOverride) {
        DeploymentDescriptor read = read(file);
        return rpcUrlOverride == null || rpcUrlOverride.isBlank() ? read : read.withRpcUrl(rpcUrlOverride);
    }

    public static DeploymentDescriptor parse(String json) {
        try {
            return JSON.readValue(json, DeploymentDescriptor.class);
        } catch (JacksonException e) {
            throw new InvalidDescriptorException("malformed deployment descriptor: " + e.getOriginalMessage());
        }
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** Writes atomically (temp file + move), so a concurrent reader never sees half a file. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".deployment-", ".json");
            Files.writeString(temp, toJson());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write deployment descriptor " + file, e);
        }
    }

    /** The same deployment, reached through another JSON-RPC URL (for example from inside a container). */
    public DeploymentDescriptor withRpcUrl(String otherRpcUrl) {
        return new DeploymentDescriptor(chainId, otherRpcUrl, token, timelock, governor, registry, deploymentBlock, deployedAt);
    }

    private static void requireAddress(String name, String value) {
        if (value == null || !WalletUtils.isValidAddress(value) || !value.startsWith("0x")) {
            throw new InvalidDescriptorException(name + " is not a 0x-prefixed 20-byte address: " + value);
        }
    }

    /** The descriptor is missing fields or holds values that cannot be right. */
    public static class InvalidDescriptorException extends RuntimeException {
        public InvalidDescriptorException(String message) {
            super(message);
        }
    }
}
