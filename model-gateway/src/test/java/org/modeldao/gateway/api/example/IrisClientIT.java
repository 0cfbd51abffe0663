package org.modeldao.gateway.api.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.api.GatewayOverHttp;

/**
 * The Java client the root README gives app developers, against the whole gateway: it must
 * compile, classify, carry the provenance, and surface the gateway's refusals. The README's
 * code block is this module's {@link IrisClient} source, word for word (checked here too).
 * Model names differ from {@code OipApiIT}'s: both share one running gateway.
 */
class IrisClientIT extends GatewayOverHttp {

    static final String HOLDER = "0x00000000000000000000000000000000000000c3";

    @BeforeAll
    static void votes() {
        VOTES.put(HOLDER, BigInteger.valueOf(1000));
    }

    @TempDir
    Path dir;

    @Test
    void classifies_with_the_current_version_and_names_the_approving_proposal() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-client-public");
        dao.approveDemo("2");
        dao.current("2");
        publishAndAwait(dao, "2");

        IrisClient.Classification answer = new IrisClient(gateway(), dao.model(), null)
                .classify("education", 6.7f, 3.0f, 5.2f, 2.3f);

        assertThat(answer.species()).isEqualTo("virginica");
        assertThat(answer.modelVersion()).isEqualTo("2");
        assertThat(answer.artifactSha256()).isEqualTo(DemoModels.iris("2").artifactSha256());
        assertThat(answer.approvingProposalId()).as("the fixture approves version v by proposal 100v").isEqualTo("1002");
    }

    @Test
    void surfaces_the_access_policy_and_the_constraints_as_refusals() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-client-holders");
        dao.approveDemo("1");
        dao.current("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.TOKEN_HOLDERS, 100, 100, 8, List.of(), "31"));
        dao.constraint(GovernanceFixture.constraint(32, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0,
                List.of("education"), "teaching only"));
        publishAndAwait(dao, "1");

        assertThatThrownBy(() -> new IrisClient(gateway(), dao.model(), null).classify("education", 5.1f, 3.5f, 1.4f, 0.2f))
                .isInstanceOfSatisfying(IrisClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(401));
        IrisClient holder = new IrisClient(gateway(), dao.model(), JWT.token(HOLDER));
        assertThatThrownBy(() -> holder.classify("marketing", 5.1f, 3.5f, 1.4f, 0.2f))
                .isInstanceOfSatisfying(IrisClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(422));
        assertThat(holder.classify("education", 5.1f, 3.5f, 1.4f, 0.2f).species()).isEqualTo("setosa");
    }

    @Test
    void the_readme_shows_this_client_word_for_word() throws Exception {
        Path source = Path.of("src/test/java/org/modeldao/gateway/api/example/IrisClient.java");
        String code = Files.readString(source, StandardCharsets.UTF_8);
        String withoutPackage = code.substring(code.indexOf('\n', code.indexOf("package ")) + 1).strip();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("README.md's Java client block is IrisClient.java without its package line")
                .contains("```java\n" + withoutPackage + "\n```");
    }

    private URI gateway() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
