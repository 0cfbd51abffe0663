package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.modeldao.app.artifacts.ArtifactRejected;
import org.modeldao.app.artifacts.ArtifactService;
import org.modeldao.app.artifacts.ModelCard;
import org.modeldao.app.artifacts.ModelSignature;
import org.modeldao.app.artifacts.PublishedVersion;
import org.modeldao.app.artifacts.UploadedCard;
import org.modeldao.app.proposals.InvalidProposal;
import org.modeldao.app.proposals.ProposalAction.ApproveVersion;

/**
 * Admins' approval form: upload the ONNX file and either fill in the model card or upload the
 * card file the training pipeline wrote; both are stored content-addressed and the approval
 * names their sha256 and stable URLs. Each file is checked as soon as it arrives: the model is
 * opened with ONNX Runtime and its inputs and outputs are shown, the card must be a JSON object;
 * a refused file is discarded with a message saying why.
 */
final class ApprovalUploadForm implements ActionForm {

    private final ArtifactService artifacts;
    private final AtomicReference<File> uploaded = new AtomicReference<>();
    private final AtomicReference<ModelSignature> signature = new AtomicReference<>();
    private final AtomicReference<File> uploadedCard = new AtomicReference<>();
    private final AtomicReference<String> note = new AtomicReference<>();
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
    private final Upload upload = new Upload(UploadHandler.toTempFile(this::modelReceived));
    private final Upload cardUpload = new Upload(UploadHandler.toTempFile(this::cardReceived));
    private final Span modelError = message("artifact-error");
    private final Div modelSignature = new Div();
    private final Span cardError = message("card-error");
    private final Div layout;

    ApprovalUploadForm(ArtifactService artifacts) {
        this.artifacts = artifacts;
        format.setValue("onnx");
        upload.setId("artifact-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".onnx", "application/octet-stream");
        upload.setDropLabel(new Span("or drop it here: it is opened with ONNX Runtime as soon as it arrives"));
        upload.addFileRejectedListener(rejected -> refuseModel(rejected.getFileName() + " was not accepted: "
                + rejected.getErrorMessage() + " Choose the model's .onnx file."));
        upload.addFileRemovedListener(removed -> discardModel());
        cardUpload.setId("card-upload");
        cardUpload.setMaxFiles(1);
        cardUpload.setAcceptedFileTypes(".json", "application/json");
        cardUpload.setDropLabel(new Span("or drop it here: stored as uploaded instead of the card fields below"));
        cardUpload.addFileRejectedListener(rejected -> refuseCard(rejected.getFileName() + " was not accepted: "
                + rejected.getErrorMessage() + " Choose the card's .json file."));
        cardUpload.addFileRemovedListener(removed -> discardCard());
        modelSignature.setId("model-signature");
        modelSignature.setVisible(false);
        layout = new Div(new FormLayout(model, version, format, expectedSha), label(upload, "Model file (.onnx, required)"), upload,
                modelError, modelSignature, label(cardUpload, "Model card file (.json, optional)"), cardUpload, cardError,
                new FormLayout(summary, intendedUse, limitations, trainingData, metrics, license));
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public ApproveVersion build() {
        File file = uploaded.get();
        if (file == null) {
            throw new InvalidProposal("Upload the model file first");
        }
        ApproveVersion approval = publish(file, uploadedCard.get());
        note.set("ONNX graph of " + approval.model() + " v" + approval.version() + ": " + signature.get().describe());
        // stored now; a refusal above keeps the files so the admin can fix a field and add again
        discardModel();
        discardCard();
        return approval;
    }

    /** Its files are stored and discarded once the action is built: to change it, remove it and upload again. */
    @Override
    public boolean editable() {
        return false;
    }

    /** After a successful {@link #build()}: the graph's signature, for the draft list and the proposal's description. */
    @Override
    public Optional<String> note() {
        return Optional.ofNullable(note.get());
    }

    private ApproveVersion publish(File file, File cardFile) {
        try (InputStream in = new FileInputStream(file)) {
            if (cardFile != null) {
                // a pipeline's card (with the signature the gateway serves by) keeps its published hash
                UploadedCard card = UploadedCard.read(model.getValue(), version.getValue(), cardFile.toPath());
                return approval(artifacts.publish(in, Optional.ofNullable(expectedSha.getValue()), format.getValue(),
                        model.getValue(), version.getValue(), card));
            }
            ModelCard card = new ModelCard(model.getValue(), version.getValue(), summary.getValue(), intendedUse.getValue(),
                    limitations.getValue(), trainingData.getValue(), metrics.getValue(), license.getValue());
            return approval(artifacts.publish(in, Optional.ofNullable(expectedSha.getValue()), format.getValue(), card));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApproveVersion approval(PublishedVersion v) {
        return new ApproveVersion(v.model(), v.version(), v.artifactSha256(), v.artifactUri(), v.cardSha256(), v.cardUri(), v.format());
    }

    /** Runs in the UI's lock (Vaadin hands the finished temp file over inside UI.access). */
    private void modelReceived(UploadMetadata metadata, File file) {
        discardModel();
        try {
            ModelSignature read = artifacts.inspect(file.toPath());
            uploaded.set(file);
            signature.set(read);
            showSignature(read);
        } catch (ArtifactRejected refused) {
            delete(file);
            upload.clearFileList();
            refuseModel(metadata.fileName() + ": " + refused.getMessage());
        }
    }

    private void cardReceived(UploadMetadata metadata, File file) {
        discardCard();
        try {
            UploadedCard.check(file.toPath());
            uploadedCard.set(file);
        } catch (ArtifactRejected refused) {
            delete(file);
            cardUpload.clearFileList();
            refuseCard(metadata.fileName() + ": " + refused.getMessage());
        }
    }

    private void showSignature(ModelSignature read) {
        modelSignature.removeAll();
        modelSignature.add(new Div("The model's graph, as ONNX Runtime reads it (voters see this):"),
                tensors("Inputs", "model-inputs", read.inputs()), tensors("Outputs", "model-outputs", read.outputs()));
        modelSignature.setVisible(true);
    }

    private static Div tensors(String label, String id, java.util.List<ModelSignature.Tensor> tensors) {
        Div list = new Div(label + ": " + String.join(", ", tensors.stream().map(ModelSignature.Tensor::describe).toList()));
        list.setId(id);
        return list;
    }

    private void refuseModel(String message) {
        discardModel();
        show(modelError, message);
    }

    private void refuseCard(String message) {
        discardCard();
        show(cardError, message);
    }

    private void discardModel() {
        delete(uploaded.getAndSet(null));
        signature.set(null);
        modelError.setVisible(false);
        modelSignature.removeAll();
        modelSignature.setVisible(false);
    }

    private void discardCard() {
        delete(uploadedCard.getAndSet(null));
        cardError.setVisible(false);
    }

    private static void show(Span error, String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static void delete(File file) {
        if (file != null) {
            file.delete();
        }
    }

    /** A visible label like the text fields' (Upload has none of its own), also read out by screen readers. */
    private static Span label(Upload target, String text) {
        Span label = new Span(text);
        String id = target.getId().orElseThrow() + "-label";
        label.setId(id);
        label.getStyle().set("display", "block").set("margin-top", "var(--lumo-space-m)").set("font-weight", "500")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        target.getElement().setAttribute("aria-labelledby", id);
        return label;
    }

    private static Span message(String id) {
        Span span = new Span();
        span.setId(id);
        span.getStyle().set("color", "var(--lumo-error-text-color)");
        span.setVisible(false);
        return span;
    }

    private static TextArea area(String label, String id) {
        TextArea area = new TextArea(label);
        area.setId(id);
        return area;
    }
}
