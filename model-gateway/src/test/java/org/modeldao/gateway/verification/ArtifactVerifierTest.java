package org.modeldao.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @Test
    void bytes_matching_the_voted_hash_are_verified() {
        assertThat(verifier.verify(approved("/model.onnx", demo.artifactSha256())))
                .isInstanceOfSatisfying(Verification.Verified.class,
                        v -> assertThat(v.artifact()).isEqualTo(demo.artifactBytes()));
    }

    @Test
    void a_different_hash_is_a_mismatch_and_carries_no_bytes() {
        assertThat(verifier.verify(approved("/model.onnx", DemoModels.iris("1").artifactSha256())))
                .isInstanceOf(Verification.Mismatch.class);
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

        assertThat(mirrored.verify(unreachable)).isInstanceOfSatisfying(Verification.Verified.class,
                v -> assertThat(v.artifact()).isEqualTo(demo.artifactBytes()));
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
