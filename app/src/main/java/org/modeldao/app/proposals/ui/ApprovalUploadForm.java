package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.modeldao.app.artifacts.ArtifactService;
import org.modeldao.app.artifacts.ModelCard;
import org.modeldao.app.artifacts.UploadedCard;
import org.modeldao.app.proposals.InvalidProposal;
import org.modeldao.app.proposals.ProposalAction;

/**
 * Admins' approval form: upload the ONNX file and either fill in the model card or upload the
 * card file the training pipeline wrote; both are stored content-addressed and the approval
 * names their sha256 and stable URLs.
 */
final class ApprovalUploadForm implements ActionForm {

    private final ArtifactService artifacts;
    private final AtomicReference<File> uploaded = new AtomicReference<>();
    private final AtomicReference<File> uploadedCard = new AtomicReference<>();
    private final TextField model = SimpleActionForms.field("Model", "model");
    private final TextField version = SimpleActionForms.field("Version", "version");
    private final TextField format = SimpleActionForms.field("Format", "format");
    private final TextField expectedSha = SimpleActionForms.field("Expected sha256 of the file (optional, checked)", "expected-sha256");
    private final TextArea summary = area("Summary", "card-summary");
    private final TextArea intendedUse = area("Intended use", "card-intended-use");
    private final TextArea limitations = area("Limitations", "card-limitations");
    private final TextArea trainingData = area("Training data", "card-training-data");
    private final TextArea metrics = area("Metrics", "card-metrics");
    private final TextField license = SimpleActionForms.field("License", "card-license");
    private final Div layout;

    ApprovalUploadForm(ArtifactService artifacts) {
        this.artifacts = artifacts;
        format.setValue("onnx");
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> uploaded.set(file)));
        upload.setId("artifact-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".onnx", "application/octet-stream");
        Upload cardUpload = new Upload(UploadHandler.toTempFile((metadata, file) -> uploadedCard.set(file)));
        cardUpload.setId("card-upload");
        cardUpload.setMaxFiles(1);
        cardUpload.setAcceptedFileTypes(".json", "application/json");
        cardUpload.setDropLabel(new com.vaadin.flow.component.html.Span(
                "Model card file (JSON, optional): stored as uploaded instead of the card fields below"));
        layout = new Div(new FormLayout(model, version, format, expectedSha), upload, cardUpload,
                new FormLayout(summary, intendedUse, limitations, trainingData, metrics, license));
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public ProposalAction build() {
        File file = uploaded.get();
        if (file == null) {
            throw new InvalidProposal("Upload the model file first");
        }
        File cardFile = uploadedCard.get();
        try (InputStream in = new FileInputStream(file)) {
            if (cardFile != null) {
                // a pipeline's card (with the signature the gateway serves by) keeps its published hash
                UploadedCard card = UploadedCard.of(model.getValue(), version.getValue(), Files.readAllBytes(cardFile.toPath()));
                return artifacts.publish(in, Optional.ofNullable(expectedSha.getValue()), format.getValue(),
                        model.getValue(), version.getValue(), card);
            }
            ModelCard card = new ModelCard(model.getValue(), version.getValue(), summary.getValue(), intendedUse.getValue(),
                    limitations.getValue(), trainingData.getValue(), metrics.getValue(), license.getValue());
            return artifacts.publish(in, Optional.ofNullable(expectedSha.getValue()), format.getValue(), card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.delete();
            uploaded.set(null);
            if (cardFile != null) {
                cardFile.delete();
                uploadedCard.set(null);
            }
        }
    }

    private static TextArea area(String label, String id) {
        TextArea area = new TextArea(label);
        area.setId(id);
        return area;
    }
}
