package org.modeldao.launcher.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a local run is, for scripts and tools: written to {@code .dao/system.json} once
 * everything answers, removed when the run stops.
 */
public record SystemDescriptor(
        Urls urls,
        long chainId,
        String rpcUrl,
        Contracts contracts,
        long deploymentBlock,
        String deploymentFile,
        String artifactsDirectory,
        Logs logs,
        DemoModel demoModel,
        List<Account> accounts,
        Instant readyAt,
        long startupMillis) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public record Urls(String app, String gateway, String swaggerUi, String openApi, String metrics, String inference) {
    }

    public record Contracts(String token, String governor, String timelock, String registry) {
    }

    public record Logs(String app, String gateway) {
    }

    public record DemoModel(String name, String servedVersion, String pendingVersion, BigInteger approvalProposalId,
            BigInteger policyProposalId, List<String> allowedPurposes, String requestBody) {
    }

    public record Account(String address, long votes, String privateKey) {
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".system-", ".json");
            Files.writeString(temp, JSON.writeValueAsString(this));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static SystemDescriptor read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), SystemDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
