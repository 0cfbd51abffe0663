package org.modeldao.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on a tiny consistent repository, broken one thing at a time. */
class ComposeChecksTest {

    @TempDir
    Path folder;

    private Path repository;

    @BeforeEach
    void createRepository() {
        repository = RepositoryFixture.fakeRepository(folder);
    }

    @Test
    void a_consistent_repository_has_no_problems() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void variables_bind_to_yaml_keys_record_components_nested_records_and_maps() {
        ModuleConfiguration svc = ModuleConfiguration.read(repository, "svc");
        assertThat(svc.binds("SVC_GREETING")).isTrue();
        assertThat(svc.binds("SVC_CHAIN_RPCURL")).isTrue();
        assertThat(svc.binds("SVC_CHAIN_LIMITS_MAXBATCHSIZE")).isTrue();
        assertThat(svc.binds("SVC_CHAIN_TAGS_ANYTHING")).isTrue();
        assertThat(svc.binds("SERVER_PORT")).isTrue();
        assertThat(svc.binds("SVC_CHAIN_RPC_URL")).isFalse();
        assertThat(svc.binds("SVC_CHAIN_LIMITS_MAXBATCH")).isFalse();
        assertThat(svc.binds("SPRING_DATASOURCE_URL")).as("not configured by this module").isFalse();
    }

    @Test
    void server_port_follows_placeholders_and_server_port_overrides() {
        ModuleConfiguration svc = ModuleConfiguration.read(repository, "svc");
        assertThat(svc.serverPort(Map.of())).contains(9000);
        assertThat(svc.serverPort(Map.of("PORT", "9100"))).contains(9100);
        assertThat(svc.serverPort(Map.of("SERVER_PORT", "9200"))).contains(9200);
    }

    @Test
    void a_copy_source_missing_from_the_repository_is_reported() {
        replace("docker/svc.Dockerfile", "COPY svc/ svc/", "COPY svc/ svc/\nCOPY frontend/ frontend/");
        assertThat(problems()).contains("svc (docker/svc.Dockerfile): COPY source frontend/ does not exist in the build context");
    }

    @Test
    void a_copy_source_excluded_by_dockerignore_is_reported() {
        RepositoryFixture.write(repository, ".dockerignore", "**/target\nsvc\n");
        assertThat(problems()).contains("svc (docker/svc.Dockerfile): COPY source svc/ is excluded by .dockerignore");
    }

    @Test
    void a_module_pom_missing_from_the_maven_build_stage_is_reported() {
        RepositoryFixture.write(repository, "pom.xml", "<project><modules><module>svc</module><module>other</module></modules></project>");
        assertThat(problems()).anyMatch(p -> p.contains("Maven needs other/pom.xml"));
    }

    @Test
    void a_root_user_a_jdk_runtime_and_missing_jvm_rules_are_reported() {
        replace("docker/svc.Dockerfile", "USER 10001\n", "");
        replace("docker/svc.Dockerfile", "FROM ${JRE_IMAGE}", "FROM eclipse-temurin:25-jdk-noble");
        replace("docker/svc.Dockerfile", "\"-Dai.djl.offline=true\", ", "");
        replace("docker/svc.Dockerfile", " OPT_OUT_TRACKING=true", "");
        assertThat(problems()).contains(
                "svc (docker/svc.Dockerfile): the runtime stage runs as root (add a USER)",
                "svc (docker/svc.Dockerfile): the runtime stage must be a JRE image, not the JDK build stage",
                "svc (docker/svc.Dockerfile): the JVM does not get -Dai.djl.offline=true",
                "svc (docker/svc.Dockerfile): OPT_OUT_TRACKING=true is not set for the JVM");
    }

    @Test
    void a_service_labelled_with_another_module_than_it_builds_is_reported() {
        replace("docker/svc.Dockerfile", "-pl svc", "-pl app");
        assertThat(problems()).anyMatch(p -> p.contains("labelled as module svc but the build stage builds 'app'"));
    }

    @Test
    void a_secret_baked_into_an_image_is_reported() {
        replace("docker/svc.Dockerfile", "EXPOSE 9000", "ENV DB_PASSWORD=hunter2\nEXPOSE 9000");
        assertThat(problems()).contains("svc: docker/svc.Dockerfile bakes DB_PASSWORD into the image");
    }

    @Test
    void a_variable_nothing_reads_is_reported() {
        replace("docker/compose.yaml", "SPRING_PROFILES_ACTIVE: prod", "SPRING_PROFILES_ACTIVE: prod\n      JAVA_OPTS: -Xmx1g");
        assertThat(problems()).contains(
                "svc: environment variable JAVA_OPTS binds to no property of module svc and is read by nothing in it");
    }

    @Test
    void a_port_changed_in_the_module_configuration_is_reported() {
        replace("svc/src/main/resources/application.yml", "${PORT:9000}", "${PORT:9001}");
        assertThat(problems()).contains("svc: maps container port 9000 but svc listens on server.port 9001")
                .anyMatch(p -> p.contains("the image EXPOSEs [9000] but the app listens on 9001"))
                .anyMatch(p -> p.contains("health check probes port 9000"));
    }

    private List<String> problems() {
        return ComposeChecks.problems(ComposeProject.load(repository));
    }

    private void replace(String file, String original, String replacement) {
        String text = RepositoryFixture.read(repository, file);
        assertThat(text).contains(original);
        RepositoryFixture.write(repository, file, text.replace(original, replacement));
    }
}
