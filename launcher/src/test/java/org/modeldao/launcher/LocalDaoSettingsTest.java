package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDaoSettingsTest {

    @TempDir
    Path home;

    @Test
    void urlsAndFilesFollowThePortsAndTheHomeFolder() {
        LocalDaoSettings settings = new LocalDaoSettings(home, home, 8545, 18080, 18090, Duration.ofSeconds(2));
        assertThat(settings.appUrl()).isEqualTo("http://127.0.0.1:18080");
        assertThat(settings.gatewayUrl()).isEqualTo("http://127.0.0.1:18090");
        assertThat(settings.systemFile()).isEqualTo(home.resolve("system.json"));
        assertThat(settings.deploymentFile()).isEqualTo(home.resolve("deployment.json"));
    }

    @Test
    void aRunListensOnLoopbackUnlessToldOtherwise() {
        assertThat(new LocalDaoSettings(home, home, 8545, 18080, 18090, Duration.ofSeconds(2)).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(LocalDaoSettings.fromSystemProperties().bindAddress()).isEqualTo("127.0.0.1");
        System.setProperty("modeldao.bind-address", "0.0.0.0");
        try {
            assertThat(LocalDaoSettings.fromSystemProperties().bindAddress()).isEqualTo("0.0.0.0");
        } finally {
            System.clearProperty("modeldao.bind-address");
        }
        assertThatThrownBy(() -> new LocalDaoSettings(home, home, 8545, 18080, 18090, Duration.ofSeconds(2)).withBindAddress("a b"))
                .hasMessageContaining("modeldao.bind-address");
    }

    @Test
    void thePostgresPropertyNamesAServerWithoutADatabase() {
        assertThat(LocalDaoSettings.fromSystemProperties().postgres()).isEmpty();
        System.setProperty("modeldao.postgres.url", "jdbc:postgresql://127.0.0.1:5432");
        try {
            PostgresServer server = LocalDaoSettings.fromSystemProperties().postgres().orElseThrow();
            assertThat(server.urlOf("modeldao_app_1")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/modeldao_app_1");
            assertThat(server.user()).isEqualTo("postgres");
        } finally {
            System.clearProperty("modeldao.postgres.url");
        }
        assertThatThrownBy(() -> new PostgresServer("jdbc:postgresql://127.0.0.1:5432/modeldao", "postgres", ""))
                .hasMessageContaining("modeldao.postgres.url must be a JDBC base URL without a database");
        assertThatThrownBy(() -> new PostgresServer("jdbc:h2:mem:x", "postgres", "")).hasMessageContaining("modeldao.postgres.url");
    }

    @Test
    void portsOutOfRangeOrSharedAreRefused() {
        assertThatThrownBy(() -> new LocalDaoSettings(home, home, 8545, 0, 8090, Duration.ofSeconds(2)))
                .hasMessageContaining("modeldao.app.port");
        assertThatThrownBy(() -> new LocalDaoSettings(home, home, 8545, 8080, 70_000, Duration.ofSeconds(2)))
                .hasMessageContaining("modeldao.gateway.port");
        assertThatThrownBy(() -> new LocalDaoSettings(home, home, 8545, 8080, 8080, Duration.ofSeconds(2)))
                .hasMessageContaining("different ports");
    }

    @Test
    void aPortPropertyThatIsNotANumberIsRefusedByName() {
        System.setProperty("modeldao.gateway.port", "eighty");
        try {
            assertThatThrownBy(LocalDaoSettings::fromSystemProperties).hasMessageContaining("modeldao.gateway.port")
                    .hasMessageContaining("eighty");
        } finally {
            System.clearProperty("modeldao.gateway.port");
        }
    }

    @Test
    void startingRefusesATakenAppPortBeforeStartingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalDaoSettings settings = new LocalDaoSettings(home, Path.of(System.getProperty("modeldao.repository.root", "..")),
                    8545, taken.getLocalPort(), taken.getLocalPort() + 1, Duration.ofSeconds(2));
            try (LocalDao dao = new LocalDao(settings)) {
                assertThatThrownBy(dao::start).hasMessageContaining("Port " + taken.getLocalPort())
                        .hasMessageContaining("-Dmodeldao.app.port=");
                assertThat(dao.processes()).isEmpty();
            }
        }
    }
}
