package org.modeldao.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootJarsTest {

    @TempDir
    Path root;

    @Test
    void picksTheAppJarAndTheGatewaysExecJarNotTheirLibraryOrSourceJars() throws Exception {
        Path app = Files.createDirectories(root.resolve("app/target"));
        Path gateway = Files.createDirectories(root.resolve("model-gateway/target"));
        Files.createFile(app.resolve("app-1.0.jar"));
        Files.createFile(app.resolve("app-1.0.jar.original"));
        Files.createFile(app.resolve("app-1.0-sources.jar"));
        Files.createFile(gateway.resolve("model-gateway-1.0.jar"));
        Files.createFile(gateway.resolve("model-gateway-1.0-exec.jar"));

        BootJars jars = new BootJars(root);
        assertThat(jars.app()).isEqualTo(app.resolve("app-1.0.jar"));
        assertThat(jars.gateway()).isEqualTo(gateway.resolve("model-gateway-1.0-exec.jar"));
    }

    @Test
    void withoutABuildItSaysHowToBuild() {
        assertThatThrownBy(() -> new BootJars(root).gateway()).hasMessageContaining("./dao -q install -DskipTests");
    }
}
