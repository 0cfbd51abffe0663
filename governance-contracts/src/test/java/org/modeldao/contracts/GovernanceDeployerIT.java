package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.DeploymentSettings.Allocation;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GovernanceDeployerIT {

    @TempDir
    Path folder;

    @Test
    void a_deployment_to_a_fresh_node_writes_a_descriptor_another_process_can_read() throws Exception {
        try (DevChain otherNode = DevChain.start()) {
            Credentials deployer = otherNode.accounts().get(7);
            DeploymentDescriptor descriptor = new GovernanceDeployer(otherNode.web3j(), otherNode.rpcUrl(),
                    otherNode.chainId(), Duration.ofMillis(50))
                    .deploy(deployer, DeploymentSettings.forDevChain(List.of(new Allocation(deployer.getAddress(), tokens(1_000_000)))));
            Path file = folder.resolve("deployment/descriptor.json");
            descriptor.write(file);

            assertThat(DeploymentDescriptor.read(file)).isEqualTo(descriptor);
            JsonNode seen = JsonMapper.builder().build().readTree(readInNode(file));
            assertThat(seen.get("chainId").asLong()).isEqualTo(31337);
            assertThat(seen.get("descriptorChainId").asLong()).isEqualTo(31337);
            assertThat(seen.get("registryOwner").asString()).isEqualTo(seen.get("timelock").asString());
            for (String contract : List.of("token", "timelock", "governor", "registry")) {
                assertThat(seen.get("codeSizes").get(contract).asInt()).as(contract).isGreaterThan(1_000);
            }
        }
    }

    @Test
    void after_deployment_only_the_governor_proposes_anyone_executes_and_the_deployer_holds_no_role() throws Exception {
        try (DevChain chain = DevChain.start()) {
            Credentials deployer = chain.accounts().getFirst();
            DeploymentDescriptor descriptor = new GovernanceDeployer(chain.web3j(), chain.rpcUrl(), chain.chainId(),
                    Duration.ofMillis(50)).deploy(deployer, DeploymentSettings.forDevChain(List.of(
                            new Allocation(deployer.getAddress(), tokens(900)), new Allocation(chain.accounts().get(1).getAddress(), tokens(100)))));
            var readOnly = Transactions.readOnly(chain.web3j());
            var gas = Transactions.gasFromNode(chain.web3j());
            ModelDaoTimelock timelock = ModelDaoTimelock.load(descriptor.timelock(), chain.web3j(), readOnly, gas);
            ModelDaoGovernor governor = ModelDaoGovernor.load(descriptor.governor(), chain.web3j(), readOnly, gas);
            GovernanceToken token = GovernanceToken.load(descriptor.token(), chain.web3j(), readOnly, gas);

            byte[] proposer = timelock.PROPOSER_ROLE().send();
            byte[] canceller = timelock.CANCELLER_ROLE().send();
            byte[] executor = timelock.EXECUTOR_ROLE().send();
            byte[] admin = timelock.DEFAULT_ADMIN_ROLE().send();
            assertThat(timelock.hasRole(proposer, descriptor.governor()).send()).isTrue();
            assertThat(timelock.hasRole(canceller, descriptor.governor()).send()).isTrue();
            assertThat(timelock.hasRole(executor, "0x0000000000000000000000000000000000000000").send()).isTrue();
            for (byte[] role : List.of(proposer, canceller, admin)) {
                assertThat(timelock.hasRole(role, deployer.getAddress()).send()).isFalse();
            }
            assertThat(timelock.hasRole(admin, descriptor.timelock()).send()).isTrue();
            assertThat(governor.timelock().send()).isEqualToIgnoringCase(descriptor.timelock());
            assertThat(governor.token().send()).isEqualToIgnoringCase(descriptor.token());
            assertThat(governor.votingPeriod().send().longValueExact()).isEqualTo(50);
            assertThat(governor.proposalThreshold().send()).isEqualTo(tokens(1_000));
            assertThat(governor.quorumNumerator().send().intValueExact()).isEqualTo(4);
            assertThat(token.totalSupply().send()).isEqualTo(tokens(1_000));
            assertThat(token.balanceOf(chain.accounts().get(1).getAddress()).send()).isEqualTo(tokens(100));
            assertThat(token.CLOCK_MODE().send()).isEqualTo("mode=blocknumber&from=default");
            assertThat(Numeric.toHexString(governor.COUNTING_MODE().send().getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(Numeric.toHexString("support=bravo&quorum=for,abstain".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void a_descriptor_with_a_malformed_address_is_refused_on_read() throws IOException {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, """
                {"chainId":31337,"rpcUrl":"http://127.0.0.1:8545","token":"0x12","timelock":"0x5FbDB2315678afecb367f032d93F642f64180aa3",
                 "governor":"0x5FbDB2315678afecb367f032d93F642f64180aa3","registry":"0x5FbDB2315678afecb367f032d93F642f64180aa3",
                 "deploymentBlock":0,"deployedAt":"2026-11-25T00:00:00Z"}""");
        assertThatThrownBy(() -> DeploymentDescriptor.read(file))
                .isInstanceOf(DeploymentDescriptor.InvalidDescriptorException.class)
                .hasMessageContaining("token");
    }

    private static String readInNode(Path descriptor) throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(GovernanceDeployerIT.class.getResource("read-descriptor.mjs").toURI());
        Process process = new ProcessBuilder("node", script.toString(), descriptor.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((first, last) -> last).orElseThrow();
    }
}
