package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.verification.ArtifactVerifier;

/**
 * A version whose model card is prose only (as the app's form fields write it) is served by the
 * signature its ONNX graph declares; a card that declares a broken signature still quarantines.
 */
class GraphSignatureTest {

    @TempDir
    Path dir;

    private final ServingFixture serving = new ServingFixture();
    /** Versions are approved with hand-written cards here, so the fixture's own demo folder stays unused. */
    private final GovernanceFixture governance = new GovernanceFixture(Path.of("target"));

    @AfterEach
    void close() {
        serving.close();
    }

    @Test
    void a_card_without_a_signature_serves_the_graphs_own() throws Exception {
        ApprovedVersion approved = approveWithCard("""
                {"model": "iris", "version": "2", "summary": "Logistic regression on the iris measurements",
                 "intendedUse": "Teaching", "license": "Apache-2.0"}""");

        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();

        assertThat(serving.registry.state(approved.key()).orElseThrow().name()).isEqualTo("ready");
        try (Lease lease = serving.registry.lease("iris", "2")) {
            ModelSignature signature = lease.version().signature();
            assertThat(signature.inputs()).extracting(TensorSpec::name, TensorSpec::datatype)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("input", DataType.FP32));
            assertThat(signature.inputs().getFirst().shape()).containsExactly(-1L, 4L);
            assertThat(signature.labels()).as("prose cards name no labels").isEmpty();
            List<Tensor> outputs = lease.version().predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2));
            assertThat(outputs.getFirst().shape()).containsExactly(1, 3);
        }
    }

    @Test
    void a_card_declaring_a_broken_signature_still_quarantines() throws Exception {
        ApprovedVersion approved = approveWithCard("""
                {"model": "iris", "version": "2", "inputs": [{"name": "input", "datatype": "FP8", "shape": [-1, 4]}],
                 "outputs": []}""");

        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();

        VersionState state = serving.registry.state(approved.key()).orElseThrow();
        assertThat(state).isInstanceOfSatisfying(VersionState.Quarantined.class,
                q -> assertThat(q.reason()).contains("model card is not a usable signature", "FP8"));
    }

    /**
     * ONNX Runtime keeps one environment per process and DJL's engine refuses to start once one
     * exists without its thread pool settings: a graph read first used to leave the process unable
     * to load any model. Which test ran first in a shared JVM decided it, so this runs in a fresh one.
     */
    @Test
    void reading_a_graph_first_in_a_process_leaves_the_engine_able_to_start() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = dir.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(javaBin.toString(), "-Dai.djl.offline=true", "-cp", classPath,
                GraphSignatureFirst.class.getName()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 60 s: " + Files.readString(output));
        }
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("engine OnnxRuntime started after reading inputs [input]");
    }

    private ApprovedVersion approveWithCard(String card) throws Exception {
        DemoModel demo = DemoModels.iris("2");
        Path artifact = Files.write(dir.resolve("model.onnx"), demo.artifactBytes());
        byte[] cardBytes = card.getBytes(StandardCharsets.UTF_8);
        Path cardFile = Files.write(dir.resolve("card.json"), cardBytes);
        return governance.approve("iris", "2", demo.artifactSha256(), artifact.toUri().toString(),
                ArtifactVerifier.sha256Hex(cardBytes), cardFile.toUri().toString());
    }
}
