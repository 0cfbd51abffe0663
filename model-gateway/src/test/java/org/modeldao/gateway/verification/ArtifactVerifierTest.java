package org.modeldao.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;

/** Artifacts served over HTTP from 127.0.0.1, as a model store would. */
class ArtifactVerifierTest {

    /** The test server runs on 127.0.0.1, which a gateway fetches from only when listed. */
    static final SourcePolicy LOOPBACK_LISTED = new SourcePolicy(false, List.of("127.0.0.1"));

    private HttpServer server;
    private final DemoModel demo = DemoModels.iris("2");

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, byte[]> files = Map.of("/model.onnx", demo.artifactBytes(), "/card.json", demo.cardBytes(),
                "/big.onnx", new byte[2_000_000],
                // a content-addressed mirror, as the app's store: files named by their sha256
                "/mirror/" + demo.artifactSha256(), demo.artifactBytes(), "/mirror/" + demo.cardSha256(), demo.cardBytes(),
                // a mirror that lies: another version's bytes under this version's hash
                "/lying/" + demo.artifactSha256(), DemoModels.iris("1").artifactBytes());
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ApprovedVersion approved(String artifactPath, String sha) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return ApprovedVersion.approved("iris", "2", sha, base + artifactPath, demo.cardSha256(), base + "/card.json",
                "onnx", Approval.NONE);
    }

    private final ArtifactVerifier verifier = new ArtifactVerifier(new ArtifactFetcher(1_000_000, Duration.ofSeconds(5), LOOPBACK_LISTED));

    @TempDir
    Path dir;

    @Test
    void bytes_matching_the_voted_hash_are_verified_and_copied_as_they_were_hashed() throws Exception {
        Path copy = dir.resolve("model.onnx");
        assertThat(verifier.verifyInto(approved("/model.onnx", demo.artifactSha256()), copy))
                .isInstanceOfSatisfying(Verification.Verified.class,
                        v -> assertThat(v.card()).isEqualTo(demo.cardBytes()));
        assertThat(Files.readAllBytes(copy)).isEqualTo(demo.artifactBytes());
        assertThat(verifier.verify(approved("/model.onnx", demo.artifactSha256()))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void a_different_hash_is_a_mismatch_and_leaves_no_copy() {
        Path copy = dir.resolve("model.onnx");
        assertThat(verifier.verifyInto(approved("/model.onnx", DemoModels.iris("1").artifactSha256()), copy))
                .isInstanceOf(Verification.Mismatch.class);
        assertThat(copy).doesNotExist();
        assertThat(verifier.verifyInto(approved("/absent.onnx", demo.artifactSha256()), copy))
                .isInstanceOf(Verification.Unavailable.class);
        assertThat(copy).doesNotExist();
    }

    @Test
    void a_card_over_the_card_limit_is_refused_whatever_the_artifact_limit() {
        ArtifactVerifier roomy = new ArtifactVerifier(new ArtifactFetcher(100_000_000, Duration.ofSeconds(5), LOOPBACK_LISTED));
        String base = base();
        ApprovedVersion bigCard = ApprovedVersion.approved("iris", "2", demo.artifactSha256(), base + "/model.onnx",
                ArtifactVerifier.sha256Hex(new byte[2_000_000]), base + "/big.onnx", "onnx", Approval.NONE);

        assertThat(roomy.verify(bigCard)).isInstanceOfSatisfying(Verification.Refused.class, r -> assertThat(r.reason())
                .isEqualTo(base + "/big.onnx is larger than the 1048576-byte model card limit"
                        + " (a card is text, not data; the app's upload limit)"));
    }

    @Test
    void a_missing_artifact_is_unavailable_but_an_oversized_or_unsupported_one_is_refused() {
        assertThat(verifier.verify(approved("/absent.onnx", demo.artifactSha256()))).isInstanceOf(Verification.Unavailable.class);
        assertThat(verifier.verify(approved("/big.onnx", demo.artifactSha256())))
                .isInstanceOfSatisfying(Verification.Refused.class, u -> assertThat(u.reason()).contains("limit"));
        ApprovedVersion ftp = ApprovedVersion.approved("iris", "2", demo.artifactSha256(), "ftp://host/x.onnx",
                demo.cardSha256(), "ftp://host/c.json", "onnx", Approval.NONE);
        assertThat(verifier.verify(ftp)).isInstanceOfSatisfying(Verification.Refused.class,
                u -> assertThat(u.reason()).contains("unsupported URI scheme"));
    }

    @Test
    void an_unreachable_voted_uri_is_found_on_a_mirror_by_its_hash() {
        ArtifactVerifier mirrored = new ArtifactVerifier(new ArtifactFetcher(1_000_000, Duration.ofSeconds(5), LOOPBACK_LISTED),
                new ArtifactMirrors(List.of(base() + "/empty", base() + "/mirror")));
        ApprovedVersion unreachable = ApprovedVersion.approved("iris", "2", demo.artifactSha256(), base() + "/gone.onnx",
                demo.cardSha256(), base() + "/gone.json", "onnx", Approval.NONE);

        assertThat(mirrored.verify(unreachable)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void a_copy_holds_only_the_mirror_bytes_that_matched_not_those_tried_before() throws Exception {
        ArtifactVerifier mirrored = new ArtifactVerifier(new ArtifactFetcher(1_000_000, Duration.ofSeconds(5), LOOPBACK_LISTED),
                new ArtifactMirrors(List.of(base() + "/lying/", base() + "/mirror/")));
        ApprovedVersion unreachable = ApprovedVersion.approved("iris", "2", demo.artifactSha256(), base() + "/gone.onnx",
                demo.cardSha256(), base() + "/card.json", "onnx", Approval.NONE);
        Path copy = dir.resolve("model.onnx");

        assertThat(mirrored.verifyInto(unreachable, copy)).isInstanceOf(Verification.Verified.class);
        assertThat(Files.readAllBytes(copy)).isEqualTo(demo.artifactBytes());
    }

    @Test
    void a_mirror_never_overrules_the_bytes_the_voted_uri_serves() {
        ArtifactVerifier mirrored = new ArtifactVerifier(new ArtifactFetcher(1_000_000, Duration.ofSeconds(5), LOOPBACK_LISTED),
                new ArtifactMirrors(List.of(base() + "/mirror/")));
        // the voted URI answers with v2's bytes, but v1's hash was voted: quarantine, even though...
        ApprovedVersion swapped = approved("/model.onnx", DemoModels.iris("1").artifactSha256());

        assertThat(mirrored.verify(swapped)).isInstanceOf(Verification.Mismatch.class);
    }

    @Test
    void bytes_from_a_mirror_count_only_with_the_voted_hash() {
        ArtifactVerifier lied = new ArtifactVerifier(new ArtifactFetcher(1_000_000, Duration.ofSeconds(5), LOOPBACK_LISTED),
                new ArtifactMirrors(List.of(base() + "/lying/")));
        ApprovedVersion unreachable = ApprovedVersion.approved("iris", "2", demo.artifactSha256(), base() + "/gone.onnx",
                demo.cardSha256(), base() + "/card.json", "onnx", Approval.NONE);

        assertThat(lied.verify(unreachable)).isInstanceOfSatisfying(Verification.Unavailable.class, u -> assertThat(u.reason())
                .contains("/gone.onnx answered 404", "/lying/" + demo.artifactSha256() + " does not match the voted hash")
                .doesNotContain(DemoModels.iris("1").artifactSha256()));
    }

    @Test
    void mirrors_must_be_plain_base_uris() {
        assertThat(new ArtifactMirrors(List.of("http://app:8080/artifacts")).bases()).containsExactly("http://app:8080/artifacts/");
        assertThatThrownBy(() -> new ArtifactMirrors(List.of("ftp://mirror/"))).hasMessageContaining("http(s) or file base URI");
        assertThatThrownBy(() -> new ArtifactMirrors(List.of("http://app:8080/a?sha=")))
                .hasMessageContaining("without query");
        assertThatThrownBy(() -> new ArtifactMirrors(List.of("http://bad host/"))).hasMessageContaining("is not a URI");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
