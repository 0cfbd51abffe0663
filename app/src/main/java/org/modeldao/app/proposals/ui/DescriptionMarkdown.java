package org.modeldao.app.proposals.ui;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A proposal's description (anyone's markdown, recorded on-chain) as safe HTML: raw HTML is shown
 * escaped as text, links keep only http, https and mailto destinations (a {@code javascript:} link
 * loses its target) and open nothing with access to this page, and images become links so that
 * viewing a proposal never makes the browser fetch a third party's URL.
 */
final class DescriptionMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                    attributes.put("target", "_blank");
                }
            })
            .build();

    private DescriptionMarkdown() {
    }

    /** One {@code <div>} (so Vaadin's {@code Html} component can hold it) with the rendered description. */
    static String toHtml(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        document.accept(new ImagesAsLinks());
        return "<div class=\"proposal-description\">" + RENDERER.render(document) + "</div>";
    }

    private static final class ImagesAsLinks extends AbstractVisitor {
        @Override
        public void visit(Image image) {
            visitChildren(image);
            Link link = new Link(image.getDestination(), image.getTitle());
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            if (link.getFirstChild() == null) {
                link.appendChild(new Text(image.getDestination()));
            }
            image.insertBefore(link);
            image.unlink();
        }
    }
}
