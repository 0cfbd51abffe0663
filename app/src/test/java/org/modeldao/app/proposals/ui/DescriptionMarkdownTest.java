package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.vaadin.flow.component.Html;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Descriptions are anyone's markdown: rendered, but never as live HTML, script links or third-party fetches. */
class DescriptionMarkdownTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Test
    void markdown_is_rendered_with_links_that_open_nothing_with_access_to_the_page() {
        String html = DescriptionMarkdown.toHtml("# Approve iris v2\n\n**Why:** better recall, see [the card](https://models.example/iris/2).\n\n- one\n- two");

        assertThat(html).startsWith("<div class=\"proposal-description\">").endsWith("</div>")
                .contains("<h1>Approve iris v2</h1>", "<strong>Why:</strong>", "<li>one</li>")
                .contains("href=\"https://models.example/iris/2\"", "rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void raw_html_and_script_tags_are_shown_as_text() {
        String html = DescriptionMarkdown.toHtml("""
                <script>alert(1)</script>

                Inline <img src=x onerror=alert(2)> and <a href="javascript:alert(3)">a</a>

                <div onclick="alert(4)">block</div>
                """);

        assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "<a href=\"javascript", "<div onclick");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void script_links_lose_their_target_whatever_their_spelling() {
        String html = DescriptionMarkdown.toHtml("""
                [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](vbscript:msgbox(1))
                [e](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <javascript:alert(1)> [f](%6Aavascript:alert(1))
                [ok](mailto:council@example.org)
                """);

        assertThat(hrefs(html)).allSatisfy(href -> assertThat(href).matches("(https?:|mailto:).*|"))
                .noneSatisfy(href -> assertThat(href.toLowerCase()).contains("script:"))
                .contains("mailto:council@example.org");
    }

    @Test
    void images_become_links_so_no_third_party_url_is_fetched() {
        String html = DescriptionMarkdown.toHtml("![tracking pixel](https://tracker.example/p.png) ![](https://tracker.example/q.png)");

        assertThat(html).doesNotContain("<img")
                .contains("href=\"https://tracker.example/p.png\"", ">tracking pixel</a>", ">https://tracker.example/q.png</a>");
    }

    @Test
    void a_hostile_100_kb_description_renders_quickly_into_one_element() {
        String hostile = "[".repeat(20_000) + "<script>x</script>".repeat(1_000) + "> ".repeat(10_000) + "*a _b ".repeat(10_000)
                + "](javascript:alert(1))";
        assertThat(hostile.length()).isGreaterThan(100_000);

        String html = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> DescriptionMarkdown.toHtml(hostile));

        assertThat(html.toLowerCase()).doesNotContain("<script", "javascript:alert(1)\"");
        // Vaadin's Html component accepts exactly one root element: the page can show it
        assertThat(new Html(html).getElement().getTag()).isEqualTo("div");
    }

    @Test
    void no_description_renders_empty() {
        assertThat(DescriptionMarkdown.toHtml(null)).isEqualTo("<div class=\"proposal-description\"></div>");
    }

    private static List<String> hrefs(String html) {
        Matcher m = HREF.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
