package org.modeldao.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml, its Dockerfiles and .env.example against the repository as it is — there
 * is no container engine here to run them, so this is what keeps them honest. The mutation tests
 * below show each check catches a real mistake in a copy of the file.
 */
class ComposeFileTest {

    private static ComposeProject project;

    @BeforeAll
    static void load() {
        project = ComposeProject.load(RepositoryFixture.repository());
    }

    @Test
    void compose_file_its_images_and_its_variables_match_the_repository() {
        assertThat(ComposeChecks.problems(project)).isEmpty();
    }

    @Test
    void compose_runs_database_chain_deployer_app_and_gateway() {
        assertThat(project.services()).extracting(ComposeService::name)
                .containsExactlyInAnyOrder("postgres", "chain", "deployer", "app", "gateway");
        assertThat(project.service("chain").orElseThrow().profiles()).containsExactly("devchain");
        assertThat(project.service("app").orElseThrow().ports()).singleElement()
                .satisfies(p -> assertThat(TopologyChecks.containerPort(p)).isEqualTo(8080));
        assertThat(project.service("gateway").orElseThrow().ports()).singleElement()
                .satisfies(p -> assertThat(TopologyChecks.containerPort(p)).isEqualTo(8090));
    }

    @Test
    void app_and_gateway_read_the_descriptor_from_the_deployers_volume_read_only() {
        assertThat(project.service("deployer").orElseThrow().volumes()).contains("deployment:/deployment");
        assertThat(project.service("gateway").orElseThrow().volumes()).contains("deployment:/deployment:ro");
        assertThat(project.service("app").orElseThrow().volumes()).contains("deployment:/deployment:ro");
        assertThat(project.service("gateway").orElseThrow().environment())
                .containsEntry("GATEWAY_CHAIN_DEPLOYMENTFILE", "/deployment/deployment.json");
    }

    @Test
    void the_gateway_migrates_as_the_owner_role_and_runs_as_the_runtime_role_the_init_script_creates() throws IOException {
        String initScript = Files.readString(RepositoryFixture.repository().resolve("docker/postgres/init/10-modeldao-databases.sh"));
        Map<String, String> gateway = project.service("gateway").orElseThrow().environment();
        String owner = gateway.get("GATEWAY_DB_OWNER");
        String runtime = gateway.get("SPRING_DATASOURCE_USERNAME");

        assertThat(owner).isNotBlank().isNotEqualTo(runtime);
        assertThat(initScript).contains("gateway_owner=${GATEWAY_DB_OWNER:-" + owner + "}")
                .contains("gateway_user=${GATEWAY_DB_USER:-" + runtime + "}")
                .contains("gateway_db=${GATEWAY_DB_NAME:-modeldao_gateway}");
        assertThat(gateway).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/modeldao_gateway");
        String ownerPassword = "${GATEWAY_DB_OWNER_PASSWORD:?set GATEWAY_DB_OWNER_PASSWORD in docker/.env}";
        assertThat(gateway).containsEntry("GATEWAY_DB_OWNER_PASSWORD", ownerPassword);
        assertThat(project.service("postgres").orElseThrow().environment()).containsEntry("GATEWAY_DB_OWNER_PASSWORD", ownerPassword);
    }

    @Test
    void a_wrong_dockerfile_path_is_reported() {
        assertThat(problemsAfter("dockerfile: docker/app.Dockerfile", "dockerfile: docker/app.dockerfile"))
                .anyMatch(p -> p.contains("app: Dockerfile docker/app.dockerfile does not exist"));
    }

    @Test
    void a_misspelled_property_variable_is_reported() {
        assertThat(problemsAfter("GATEWAY_CHAIN_DEPLOYMENTFILE:", "GATEWAY_CHAIN_DEPLOYMENT_FILE:"))
                .anyMatch(p -> p.contains("GATEWAY_CHAIN_DEPLOYMENT_FILE binds to no property of module model-gateway"));
        assertThat(problemsAfter("SPRING_DATASOURCE_USERNAME: modeldao_app", "SPRING_DATASOURCE_USER: modeldao_app"))
                .anyMatch(p -> p.contains("app: environment variable SPRING_DATASOURCE_USER binds to no property of module app"));
    }

    @Test
    void a_property_of_another_module_is_reported() {
        assertThat(problemsAfter("MODELDAO_CHAIN_RPCURL:", "GATEWAY_CHAIN_RPCURL:"))
                .anyMatch(p -> p.contains("app: environment variable GATEWAY_CHAIN_RPCURL binds to no property of module app"));
    }

    @Test
    void a_port_the_app_does_not_listen_on_is_reported() {
        assertThat(problemsAfter("\"${GATEWAY_PORT:-8090}:8090\"", "\"${GATEWAY_PORT:-8090}:8080\""))
                .anyMatch(p -> p.contains("gateway: maps container port 8080 but model-gateway listens on server.port 8090"));
        assertThat(problemsAfter("http://127.0.0.1:8080/actuator/health", "http://127.0.0.1:8081/actuator/health"))
                .anyMatch(p -> p.contains("app: health check probes port 8081"));
    }

    @Test
    void a_url_to_a_missing_service_or_port_is_reported() {
        assertThat(problemsAfter("http://app:8080/.well-known/jwks.json", "http://app:8090/.well-known/jwks.json"))
                .anyMatch(p -> p.contains("points at app:8090 but app listens on [8080]"));
        assertThat(problemsAfter("jdbc:postgresql://postgres:5432/modeldao_gateway", "jdbc:postgresql://postgre:5432/modeldao_gateway"))
                .anyMatch(p -> p.contains("there is no service postgre"));
        assertThat(problemsAfter("jdbc:postgresql://postgres:5432/modeldao_gateway", "jdbc:postgresql://localhost:5432/modeldao_gateway"))
                .anyMatch(p -> p.contains("inside a container that is the container itself"));
    }

    @Test
    void a_secret_written_into_the_compose_file_is_reported() {
        assertThat(problemsAfter("SPRING_DATASOURCE_PASSWORD: ${APP_DB_PASSWORD:?set APP_DB_PASSWORD in docker/.env}",
                "SPRING_DATASOURCE_PASSWORD: hunter2"))
                .anyMatch(p -> p.contains("SPRING_DATASOURCE_PASSWORD is a secret"));
        assertThat(problemsAfter("${DEPLOYER_PRIVATE_KEY:-}",
                "${DEPLOYER_PRIVATE_KEY:-0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80}"))
                .anyMatch(p -> p.contains("DEPLOYER_PRIVATE_KEY is a secret"))
                .anyMatch(p -> p.contains("DEPLOYER_PRIVATE_KEY holds a key-like literal"));
    }

    @Test
    void a_long_running_service_without_health_check_is_reported() {
        String compose = project.composeText();
        int gateway = compose.indexOf("  gateway:");
        String withoutGatewayCheck = compose.substring(0, gateway)
                + compose.substring(gateway).replaceFirst("(?s)    healthcheck:.*?start_period: \\d+s\\n", "");
        assertThat(withoutGatewayCheck).isNotEqualTo(compose);
        // the image's own HEALTHCHECK still counts; a service from a plain image has none
        assertThat(ComposeChecks.problems(project.withComposeText(withoutGatewayCheck))).isEmpty();
        String withoutPostgresCheck = compose.replaceFirst("(?s)    healthcheck:\\n      # over TCP.*?start_period: 20s\\n", "");
        assertThat(ComposeChecks.problems(project.withComposeText(withoutPostgresCheck)))
                .contains("postgres: long-running service without a health check")
                .anyMatch(p -> p.contains("waits for postgres to be healthy, but it has no health check"));
    }

    @Test
    void undeclared_unused_and_shared_writable_volumes_are_reported() {
        assertThat(problemsAfter("- gateway-data:/var/lib/model-gateway", "- gateway-state:/var/lib/model-gateway"))
                .contains("gateway: volume gateway-state is not declared under volumes:",
                        "volume gateway-data is declared but no service mounts it");
        assertThat(problemsAfter("- deployment:/deployment:ro\n      - app-data", "- deployment:/deployment\n      - app-data"))
                .anyMatch(p -> p.contains("volume deployment is writable by [deployer, app]"));
        assertThat(problemsAfter("./postgres/init:", "./postgres/initdb:"))
                .contains("postgres: bind mount source ./postgres/initdb does not exist");
    }

    @Test
    void a_dependency_on_the_optional_chain_must_not_be_required() {
        assertThat(problemsAfter("        required: false\n", ""))
                .anyMatch(p -> p.contains("deployer: depends on chain, which runs only in profile(s) [devchain]"));
    }

    @Test
    void env_example_must_document_every_variable_and_nothing_else() {
        assertThat(ComposeChecks.problems(project.withEnvExample(project.envExample().replaceAll("(?m)^POSTGRES_PASSWORD=.*$", ""))))
                .contains("docker/compose.yaml uses ${POSTGRES_PASSWORD} but docker/.env.example does not document it");
        assertThat(ComposeChecks.problems(project.withEnvExample(project.envExample() + "\nRPC_ULR=http://x\n")))
                .contains("docker/.env.example documents RPC_ULR but the compose file never uses it");
    }

    @Test
    void the_env_file_with_the_secrets_is_never_committed() {
        assertThat(RepositoryFixture.read(project.repository(), ".gitignore").lines().map(String::strip))
                .contains("docker/.env");
        assertThat(RepositoryFixture.read(project.repository(), ".dockerignore").lines().map(String::strip))
                .as("nor sent into an image's build context").contains("docker/.env");
    }

    private static List<String> problemsAfter(String original, String replacement) {
        String compose = project.composeText();
        assertThat(compose).as("the compose file still contains the text this test breaks").contains(original);
        return ComposeChecks.problems(project.withComposeText(compose.replace(original, replacement)));
    }
}
