package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;

class ApprovalUploadFormTest {

    private final Component form = new ApprovalUploadForm(null).component();

    private Component find(String id) {
        return form.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void each_upload_zone_has_a_visible_label_it_is_announced_by() {
        for (String upload : new String[] {"artifact-upload", "card-upload"}) {
            Upload zone = (Upload) find(upload);
            Span label = (Span) find(upload + "-label");

            assertThat(label.isVisible()).isTrue();
            assertThat(zone.getElement().getAttribute("aria-labelledby")).isEqualTo(upload + "-label");
        }
        assertThat(((Span) find("artifact-upload-label")).getText()).contains(".onnx");
    }
}
