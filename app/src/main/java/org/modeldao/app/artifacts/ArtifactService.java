package org.modeldao.app.artifacts;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Prepares a model version for an approval proposal: checks that the artifact is an ONNX model
 * ONNX Runtime can load, stores it and its model card, each under its sha256, and returns the
 * published version naming both hashes and URLs (what an approval proposal names). Nothing that fails a check is stored.
 */
@Service
public class ArtifactService {

    private final ArtifactStore store;
    private final ModelInspector inspector;

    public ArtifactService(ArtifactStore store, ModelInspector inspector) {
        this.store = store;
        this.inspector = inspector;
    }

    /** Opens a model file without storing it, e.g. to show its signature as soon as it is chosen. */
    public ModelSignature inspect(Path modelFile) {
        return inspector.inspect(modelFile);
    }

    /**
     * @param artifact       the model file's bytes
     * @param expectedSha256 the hash the uploader announced (e.g. from the training run), or empty
     * @param format         artifact format, e.g. "onnx"
     * @throws ArtifactMismatch if the bytes do not hash to {@code expectedSha256}; nothing is stored
     * @throws NotAnOnnxModel   if they are not a loadable ONNX model; nothing is stored
     */
    public PublishedVersion publish(InputStream artifact, Optional<String> expectedSha256, String format, ModelCard card) {
        // the card is validated (constructor) before the upload is consumed; the artifact before the card is stored
        byte[] cardJson = card.canonicalJson();
        StoredArtifact model = storeModel(artifact, expectedSha256).stored();
        StoredArtifact stored = store.store(new ByteArrayInputStream(cardJson), Optional.empty());
        return new PublishedVersion(card.model(), card.version(), model.sha256().prefixed(), model.url(),
                stored.sha256().prefixed(), stored.url(), format);
    }

    /**
     * Like {@link #publish(InputStream, Optional, String, ModelCard)} with a card file written
     * elsewhere (kept byte for byte) instead of one composed in the form.
     */
    public PublishedVersion publish(InputStream artifact, Optional<String> expectedSha256, String format, String model,
            String version, UploadedCard card) {
        if (model == null || model.isBlank() || version == null || version.isBlank()) {
            throw new InvalidArtifact("Model name and version are required");
        }
        StoredArtifact stored = storeModel(artifact, expectedSha256).stored();
        StoredArtifact storedCard = store.store(new ByteArrayInputStream(card.json()), Optional.empty());
        return new PublishedVersion(model.strip(), version.strip(), stored.sha256().prefixed(), stored.url(),
                storedCard.sha256().prefixed(), storedCard.url(), format);
    }

    /** Stores a model artifact once ONNX Runtime has opened it. */
    public StoredModel storeModel(InputStream content, Optional<String> expectedSha256) {
        AtomicReference<ModelSignature> signature = new AtomicReference<>();
        StoredArtifact stored = store.store(content, expected(expectedSha256), file -> signature.set(inspector.inspect(file)));
        return new StoredModel(stored, signature.get());
    }

    /** Stores a model card file once it has been read as a JSON object (see {@link UploadedCard#check(byte[])}). */
    public StoredArtifact storeCard(InputStream content, Optional<String> expectedSha256) {
        return store.store(content, expected(expectedSha256), UploadedCard::check);
    }

    public InputStream open(String sha256) {
        return store.open(Sha256.parse(sha256));
    }

    public long sizeOf(String sha256) {
        return store.sizeOf(Sha256.parse(sha256));
    }

    /** The card stored under a hash, if it is one. */
    public Optional<ModelCard> card(String sha256) {
        Sha256 hash = Sha256.parse(sha256);
        if (!store.contains(hash)) {
            return Optional.empty();
        }
        try (InputStream in = store.open(hash)) {
            return Optional.of(ModelCard.parse(in.readAllBytes()));
        } catch (Exception notACard) {
            return Optional.empty();
        }
    }

    /**
     * The card stored under a hash in reading form, whichever card format it is (the app's form or
     * a pipeline's file); empty if nothing readable is stored there.
     */
    public Optional<CardSummary> cardSummary(String sha256) {
        Sha256 hash = Sha256.parse(sha256);
        if (!store.contains(hash) || store.sizeOf(hash) > UploadedCard.MAX_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = store.open(hash)) {
            return Optional.of(CardSummary.of(CardJson.readObject(in.readAllBytes())));
        } catch (Exception notACard) {
            return Optional.empty();
        }
    }

    private static Optional<Sha256> expected(Optional<String> expectedSha256) {
        return expectedSha256.filter(s -> !s.isBlank()).map(Sha256::parse);
    }

    /** A stored model artifact and the signature ONNX Runtime read from it. */
    public record StoredModel(StoredArtifact stored, ModelSignature signature) {
    }
}
