package org.modeldao.gateway.serving;

import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.verification.ArtifactVerifier;
import org.modeldao.gateway.verification.Verification;
import org.modeldao.onnxchecks.ExternalDataScan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an approved version into a {@link LoadedVersion}: verify first, load only on an exact
 * hash match, and only a self-contained ONNX file ({@link ExternalDataScan}: no tensor data in
 * other files, which ONNX Runtime would read from this machine's disk). The engine reads a private
 * copy written while the bytes were hashed, so a file swapped at the artifact URI after
 * verification cannot reach it, and the artifact is never held whole in the heap for it.
 */
public final class VersionLoader {

    /** Outcome of one load attempt. */
    public sealed interface Outcome {
        record Loaded(LoadedVersion version) implements Outcome {}

        /** {@code sourceMismatch}: see {@link VersionState.Quarantined}. */
        record Quarantined(String reason, boolean sourceMismatch) implements Outcome {
            Quarantined(String reason) {
                this(reason, false);
            }
        }

        record Failed(String reason) implements Outcome {}
    }

    private static final Logger log = LoggerFactory.getLogger(VersionLoader.class);

    /** The DJL engine every version loads in; {@link OnnxGraphSignature} starts it before touching ONNX Runtime. */
    static final String ENGINE = "OnnxRuntime";

    /** Beginning of the quarantine reason for an artifact that keeps tensor data in other files. */
    public static final String EXTERNAL_DATA = "approved artifact keeps tensor data in files outside itself";

    private final ArtifactVerifier verifier;
    private final ServingSettings settings;
    private final Function<ApprovedVersion, BatchMeter> batchMeters;

    public VersionLoader(ArtifactVerifier verifier, ServingSettings settings) {
        this(verifier, settings, version -> BatchMeter.NONE);
    }

    /** @param batchMeters the meter each loaded version tells the size of its engine runs */
    public VersionLoader(ArtifactVerifier verifier, ServingSettings settings,
            Function<ApprovedVersion, BatchMeter> batchMeters) {
        this.verifier = verifier;
        this.settings = settings;
        this.batchMeters = batchMeters;
    }

    public Outcome load(ApprovedVersion version) {
        if (!"onnx".equalsIgnoreCase(version.format())) {
            return new Outcome.Quarantined("format '" + version.format() + "' is not served (only onnx)");
        }
        Path dir = null;
        try {
            // the private copy is written as the artifact is hashed: never the whole file in memory
            dir = Files.createTempDirectory("gateway-model-");
            Path copy = dir.resolve("model.onnx");
            long started = System.nanoTime();
            Verification verification = verifier.verifyInto(version, copy);
            long verified = System.nanoTime();
            return switch (verification) {
                case Verification.Mismatch mismatch -> new Outcome.Quarantined(mismatch.reason(), true);
                case Verification.Unavailable unavailable -> new Outcome.Failed(unavailable.reason());
                // fetching again cannot help until the gateway's configuration changes (and it restarts)
                case Verification.Refused refused -> new Outcome.Quarantined(refused.reason());
                case Verification.Verified v -> {
                    long bytes = Files.size(copy);
                    Outcome outcome = loadVerified(version, dir, copy, v.card());
                    // how long a version takes to become servable, and where the time goes (large artifacts)
                    if (outcome instanceof Outcome.Loaded) {
                        log.info("{}: {}-byte artifact fetched, hashed and copied in {} ms; checked and loaded by the engine in {} ms",
                                version.key(), bytes, (verified - started) / 1_000_000,
                                (System.nanoTime() - verified) / 1_000_000);
                    }
                    yield outcome;
                }
            };
        } catch (IOException e) {
            return new Outcome.Failed("cannot make a private directory for the artifact: " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Fetches and hashes the version's artifact and card again, without loading or keeping anything. */
    public Verification verify(ApprovedVersion version) {
        return verifier.verify(version);
    }

    private Outcome loadVerified(ApprovedVersion version, Path dir, Path artifact, byte[] card) {
        // before ONNX Runtime sees the bytes: it would follow external-data paths on this gateway's disk
        Optional<String> unsafe = externalDataFinding(artifact);
        if (unsafe.isPresent()) {
            return new Outcome.Quarantined(unsafe.get());
        }
        Optional<ModelSignature> declared;
        try {
            declared = ModelSignature.declaredIn(card);
        } catch (RuntimeException e) {
            return new Outcome.Quarantined("model card is not a usable signature: " + e.getMessage());
        }
        ModelSignature signature;
        try {
            signature = declared.isPresent() ? declared.get() : OnnxGraphSignature.read(artifact);
        } catch (EngineException e) {
            return new Outcome.Failed("the inference engine could not start: " + e.getMessage());
        } catch (OrtException | RuntimeException e) {
            return new Outcome.Quarantined("the model card declares no signature and the ONNX graph gives none"
                    + " the gateway can serve: " + e.getMessage());
        }
        try {
            Criteria<List<Tensor>, List<Tensor>> criteria = Criteria.builder()
                    .setTypes(tensorList(), tensorList())
                    .optModelPath(dir)
                    .optModelName("model")
                    .optEngine(ENGINE)
                    .optTranslator(new TensorTranslator(signature))
                    .build();
            ZooModel<List<Tensor>, List<Tensor>> model = criteria.loadModel();
            return new Outcome.Loaded(new LoadedVersion(version, signature, model, settings, batchMeters.apply(version)));
        } catch (MalformedModelException e) {
            // the hash matched, so the DAO voted bytes the engine cannot read
            return new Outcome.Quarantined("approved artifact is not a loadable ONNX model: " + e.getMessage());
        } catch (IOException | ModelNotFoundException | RuntimeException e) {
            return new Outcome.Failed("engine could not load the model: " + e.getMessage());
        }
    }

    /** Why the voted bytes must not be opened, if they must not; the hash matched, so fetching again cannot help. */
    private static Optional<String> externalDataFinding(Path artifact) {
        return switch (ExternalDataScan.scan(artifact)) {
            case ExternalDataScan.Result.Clean clean -> Optional.empty();
            case ExternalDataScan.Result.ExternalData found -> Optional.of(EXTERNAL_DATA
                    + " (" + found.where() + "): ONNX Runtime would read those paths from the gateway's disk");
            case ExternalDataScan.Result.UnknownFields found -> Optional.of(EXTERNAL_DATA
                    + "? it has fields this gateway's ONNX reader does not know (in " + found.where() + ")");
            case ExternalDataScan.Result.Unparsable unparsable -> Optional.of("approved artifact is not a loadable ONNX model: "
                    + unparsable.reason());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<List<Tensor>> tensorList() {
        return (Class) List.class;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
