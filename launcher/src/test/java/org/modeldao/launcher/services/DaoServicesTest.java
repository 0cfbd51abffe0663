package org.modeldao.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DaoServicesTest {

    @Test
    void the_local_gateway_may_fetch_the_apps_loopback_address_and_local_files_and_nothing_else_private() {
        ServiceSpec gateway = DaoServices.gateway(Path.of("gateway.jar"), 18090, Path.of("deployment.json"),
                "http://127.0.0.1:18080", Path.of("home"));

        assertThat(gateway.arguments()).contains("--gateway.sources.allow-file=true",
                "--gateway.sources.allow-private=127.0.0.1");
        // the artifact limit is not set here: both services inherit MODELDAO_MAX_ARTIFACT_BYTES from the launcher
        assertThat(gateway.arguments()).noneMatch(argument -> argument.contains("max-artifact-bytes"));
    }
}
