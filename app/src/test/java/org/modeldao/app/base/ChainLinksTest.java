package org.modeldao.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://models.example/iris/2/card.json",
            "http://localhost:8080/artifacts/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "HTTPS://Models.Example/card.json?v=2#top",
            "/artifacts/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"})
    void web_links_and_the_apps_own_artifact_paths_become_links(String uri) {
        assertThat(ChainLinks.href(uri)).contains(uri);
        Component shown = ChainLinks.uri(uri, "card");
        assertThat(shown).isInstanceOf(Anchor.class);
        assertThat(((Anchor) shown).getHref()).isEqualTo(uri);
        assertThat(shown.getElement().getAttribute("rel")).contains("noopener", "noreferrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(document.domain)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "javascript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/card.json",
            "https:///no-host",
            "https://trusted.example@evil.example/card.json",
            "https://models.example/card.json\\u0000",
            "https://models.example/a b",
            "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
            "/artifacts/../../etc/passwd",
            "artifacts/0f1e",
            ""})
    void anything_else_is_shown_as_text_and_never_as_a_link(String uri) {
        assertThat(ChainLinks.href(uri)).isEmpty();
        Component shown = ChainLinks.uri(uri, "card");
        assertThat(shown).isInstanceOf(Span.class);
        assertThat(shown.getElement().getText()).isEqualTo(uri);
        assertThat(shown.getElement().hasAttribute("href")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2_001, 100_000})
    void overlong_uris_are_text(int length) {
        assertThat(ChainLinks.href("https://models.example/" + "a".repeat(length))).isEmpty();
    }
}
