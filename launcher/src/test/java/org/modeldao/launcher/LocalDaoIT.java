package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.launcher.report.DemoRequest;
import org.modeldao.launcher.report.SystemDescriptor;
import org.modeldao.launcher.seed.DemoDao;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-command run, in-process, against the app and gateway jars the reactor just built:
 * a real dev chain seeded through executed proposals, the app and the gateway as child JVMs
 * (the {@link RunningDao} the stories share; {@link LocalDaoCloseIT} checks the stop).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // read-only checks of the seeded state, before the stories change it
class LocalDaoIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path home;
    private static LocalDao dao;
    private static SystemDescriptor system;

    @BeforeAll
    static void startTheWholeDao() {
        RunningDao running = RunningDao.get();
        home = running.home;
        dao = running.dao;
        system = running.system;
    }

    @Test
    @Order(1)
    void writesTheSystemDescriptorWithTheDeployedContracts() {
        Path file = home.resolve("system.json");
        assertThat(file).isRegularFile();
        SystemDescriptor written = SystemDescriptor.read(file);
        DeploymentDescriptor deployment = DeploymentDescriptor.read(home.resolve("deployment.json"));
        assertThat(written.chainId()).isEqualTo(31337);
        assertThat(written.rpcUrl()).isEqualTo(deployment.rpcUrl());
        assertThat(written.contracts().registry()).isEqualTo(deployment.registry());
        assertThat(written.contracts().governor()).isEqualTo(deployment.governor());
        assertThat(written.accounts()).hasSize(5);
        assertThat(Path.of(written.logs().app())).isRegularFile();
        assertThat(Path.of(written.logs().gateway())).isRegularFile();
        assertThat(written.startupMillis()).isPositive();
    }

    @Test
    @Order(2)
    void seedsVersionOneApprovedAndCurrentAndLeavesVersionTwoUnproposed() throws Exception {
        Web3j web3j = Web3j.build(new HttpService(system.rpcUrl()));
        try {
            ModelRegistry registry = ModelRegistry.load(system.contracts().registry(), web3j,
                    Transactions.readOnly(web3j), Transactions.gasFromNode(web3j));
            DemoModel v1 = DemoModels.iris("1");
            DemoModel v2 = DemoModels.iris("2");
            assertThat(registry.isApproved("iris", "1", HexFormat.of().parseHex(v1.artifactSha256())).send()).isTrue();
            assertThat(registry.currentVersion("iris").send()).isEqualTo("1");
            assertThat(registry.isApproved("iris", "2", HexFormat.of().parseHex(v2.artifactSha256())).send()).isFalse();
            assertThat(registry.hasAccessPolicy("iris").send()).isTrue();
            assertThat(registry.constraintsOf("iris").send()).hasSize(1);
        } finally {
            web3j.shutdown();
        }
        assertThat(home.resolve("artifacts").resolve(DemoModels.iris("1").artifactSha256())).isRegularFile();
        assertThat(home.resolve("artifacts").resolve(DemoModels.iris("2").artifactSha256())).isRegularFile();
    }

    @Test
    @Order(3)
    void theGatewayAnswersThePrintedRequestNamingTheApprovingProposal() throws Exception {
        DemoDao seeded = dao.dao().orElseThrow();
        HttpResponse<String> reply = post(system.urls().inference(), DemoRequest.BODY);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode parameters = JsonMapper.builder().build().readTree(reply.body()).get("parameters");
        assertThat(parameters.get("model_version").asString()).isEqualTo("1");
        assertThat(parameters.get("approving_proposal_id").asString()).isEqualTo(seeded.approvalProposalId().toString());
        assertThat(DemoRequest.curl(system.urls().gateway(), "iris")).contains(system.urls().inference(), DemoRequest.BODY);
    }

    @Test
    @Order(4)
    void theVotedConstraintRefusesAPurposeItDoesNotAllow() throws Exception {
        HttpResponse<String> reply = post(system.urls().inference(), DemoRequest.BODY.replace("education", "marketing"));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(422);
    }

    @Test
    @Order(5)
    void theAppServesItsUiAndTheGatewayItsDocsAndMetrics() throws Exception {
        assertThat(get(system.urls().app() + "/").statusCode()).isEqualTo(200);
        assertThat(get(system.urls().openApi()).statusCode()).isEqualTo(200);
        assertThat(get(system.urls().metrics()).body()).contains("gateway_requests_total");
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
