package org.modeldao.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modeldao.launcher.services.DaoServices.Database;
import org.modeldao.launcher.services.DaoServices.Hosting;

class DaoServicesTest {

    static final Path HOME = Path.of("/tmp/dao-home");
    static final Path JAR = Path.of("/tmp/gateway.jar");

    @Test
    void app_and_gateway_listen_on_loopback_by_default() {
        assertThat(DaoServices.gateway(JAR, 18090, HOME.resolve("deployment.json"), "http://127.0.0.1:18080", HOME).arguments())
                .contains("--server.address=127.0.0.1")
                .anyMatch(argument -> argument.startsWith("--spring.datasource.url=jdbc:h2:file:"));
    }

    @Test
    void the_bind_address_and_a_postgres_database_reach_the_gateway_arguments() {
        Hosting hosting = new Hosting("0.0.0.0", Optional.of(new Database("jdbc:postgresql://127.0.0.1:5432/modeldao_gateway_x", "postgres", "")));

        assertThat(DaoServices.gateway(JAR, 18090, HOME.resolve("deployment.json"), "http://127.0.0.1:18080", HOME, hosting).arguments())
                .contains("--server.address=0.0.0.0", "--spring.profiles.active=postgres",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/modeldao_gateway_x", "--spring.datasource.username=postgres")
                .noneMatch(argument -> argument.contains("jdbc:h2"));
    }

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
