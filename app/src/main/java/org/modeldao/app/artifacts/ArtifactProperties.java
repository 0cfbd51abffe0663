package org.modeldao.app.artifacts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where uploaded model artifacts and cards are kept and how the world reaches them.
 *
 * @param directory     folder of the local content-addressed store (one file per sha256)
 * @param publicBaseUrl absolute URL under which {@code /artifacts/<sha256>} is served; it goes
 *                      into proposals, so it must be the address the gateway and members use
 * @param maxSizeBytes  largest artifact accepted; application.yml takes it from
 *                      {@code MODELDAO_MAX_ARTIFACT_BYTES}, the variable the gateway's fetch limit
 *                      reads too (same default), so an upload the app accepts is one the gateway serves
 */
@ConfigurationProperties("modeldao.artifacts")
public record ArtifactProperties(Path directory, String publicBaseUrl, long maxSizeBytes) {

    /** 256 MiB: the default of {@code MODELDAO_MAX_ARTIFACT_BYTES} in both modules' application.yml. */
    public static final long DEFAULT_MAX_SIZE_BYTES = 268435456L;

    public ArtifactProperties {
        directory = directory == null ? Path.of("data", "artifacts") : directory;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080/artifacts/" : publicBaseUrl.strip();
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl : publicBaseUrl + "/";
        maxSizeBytes = maxSizeBytes <= 0 ? DEFAULT_MAX_SIZE_BYTES : maxSizeBytes;
    }

    public String urlOf(Sha256 hash) {
        return publicBaseUrl + hash.hex();
    }
}
