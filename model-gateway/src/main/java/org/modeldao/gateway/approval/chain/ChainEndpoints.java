package org.modeldao.gateway.approval.chain;

import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the governance contracts live: read from the deployment descriptor JSON that the
 * deployer writes (fields rpcUrl, token, governor, registry, deploymentBlock).
 */
public record ChainEndpoints(String rpcUrl, String token, String governor, String registry, long deploymentBlock) {

    public static ChainEndpoints read(Path descriptor, String rpcUrlOverride) throws IOException {
        JsonNode json = JsonMapper.builder().build().readTree(descriptor.toFile());
        String rpc = rpcUrlOverride == null || rpcUrlOverride.isBlank() ? json.path("rpcUrl").asString() : rpcUrlOverride;
        return new ChainEndpoints(rpc, json.path("token").asString(), json.path("governor").asString(),
                json.path("registry").asString(), json.path("deploymentBlock").asLong());
    }
}
