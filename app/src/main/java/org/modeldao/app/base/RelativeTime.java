package org.modeldao.app.base;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import java.time.Clock;
import java.time.Instant;

/**
 * The one way pages show a moment: relative text ("3 minutes ago") in a {@code <time>} element
 * whose {@code datetime} is machine-readable and whose title (hover) is the absolute time; block
 * times say "(chain time)" in that title. Grids use {@link #renderer}, which renders the same
 * element in the browser without a server-side component per row.
 */
@Tag("time")
public final class RelativeTime extends HtmlContainer {

    private RelativeTime(Instant at, Instant now, String absolute) {
        setText(Formats.relative(at, now));
        getElement().setAttribute("datetime", at.toString());
        setTitle(absolute);
        addClassName("relative-time");
    }

    /** A time read from the server's clock. */
    public static RelativeTime of(Instant at, Clock clock) {
        return new RelativeTime(at, clock.instant(), Formats.dateTime(at));
    }

    /** A block timestamp: relative to the reader's clock, marked as chain time on hover. */
    public static RelativeTime ofChainTime(Instant at, Clock clock) {
        return new RelativeTime(at, clock.instant(), Formats.chainTime(at));
    }

    /** A grid column of times read from the server's clock. */
    public static <T> LitRenderer<T> renderer(ValueProvider<T, Instant> time, Clock clock) {
        return renderer(time, clock, Formats::dateTime);
    }

    /** A grid column of block timestamps. */
    public static <T> LitRenderer<T> chainTimeRenderer(ValueProvider<T, Instant> time, Clock clock) {
        return renderer(time, clock, Formats::chainTime);
    }

    private static <T> LitRenderer<T> renderer(ValueProvider<T, Instant> time, Clock clock, java.util.function.Function<Instant, String> absolute) {
        // Lit escapes the bound values: the texts are data, never markup.
        return LitRenderer.<T>of("<time class=\"relative-time\" datetime=\"${item.iso}\" title=\"${item.absolute}\">${item.relative}</time>")
                .withProperty("iso", item -> time.apply(item) == null ? "" : time.apply(item).toString())
                .withProperty("absolute", item -> time.apply(item) == null ? "" : absolute.apply(time.apply(item)))
                .withProperty("relative", item -> time.apply(item) == null ? "" : Formats.relative(time.apply(item), clock.instant()));
    }
}
