package org.modeldao.app.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way a view shows a URI that came from the chain (a voted card or artifact URI): anyone
 * can propose any string, so only absolute http(s) URLs with a host, and the app's own artifact
 * paths ({@code /artifacts/<sha256>}), become links; everything else ({@code javascript:},
 * {@code data:}, scheme-relative, with credentials, with spaces or escapes…) is shown as text.
 */
public final class ChainLinks {

    private static final Pattern OWN_ARTIFACT = Pattern.compile("/artifacts/[0-9a-f]{64}");
    private static final int MAX_LENGTH = 2_000;

    private ChainLinks() {
    }

    /** The href to use for {@code uri}, or empty when it must be shown as text. */
    public static Optional<String> href(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (OWN_ARTIFACT.matcher(uri).matches()) {
            return Optional.of(uri);
        }
        try {
            URI parsed = new URI(uri); // refuses spaces, controls, backslashes: nothing a browser would "repair"
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || scheme.equals("http");
            boolean hasHost = parsed.getHost() != null && !parsed.getHost().isEmpty();
            return web && hasHost && parsed.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    /**
     * Where the app shows a transaction: its audit history filtered on the hash. The app's own
     * record stands in for a block explorer, which a private or dev chain does not have.
     */
    public static String historyOf(String transactionHash) {
        return "history?text=" + transactionHash;
    }

    /** A link labelled {@code label} when {@code uri} is a web link, else the URI itself as plain text. */
    public static Component uri(String uri, String label) {
        return href(uri).<Component>map(href -> {
            Anchor link = new Anchor(href, label);
            link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            link.setTitle(href);
            link.addClassName("chain-link");
            return link;
        }).orElseGet(() -> {
            Span text = new Span(uri == null ? "" : uri);
            text.addClassName("chain-uri-text");
            text.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere"); // long hostile strings wrap, never vanish
            text.setTitle("Not a web link: shown as text");
            return text;
        });
    }
}
