package org.modeldao.app.base;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;

/**
 * Time left until an estimated moment, counted down in the browser once a second: the server
 * computes the estimate once per page refresh and is never asked again for the ticking. Reads
 * "{prefix}about 2 h 05 min{suffix}", then {@code whenDue} once the estimate has passed (the chain
 * decides the real moment; the page updates when the indexer sees it).
 */
public final class Countdown extends Span {

    /** Mirrors {@link Formats#duration}; stops by itself once the element leaves the page, so intervals never pile up. */
    private static final String TICK = """
            const el = this, end = Date.now() + $0, prefix = $1, suffix = $2, due = $3;
            const two = n => String(n).padStart(2, '0');
            const words = s => s >= 86400 ? Math.floor(s / 86400) + ' d ' + Math.floor(s % 86400 / 3600) + ' h'
                : s >= 3600 ? Math.floor(s / 3600) + ' h ' + two(Math.floor(s % 3600 / 60)) + ' min'
                : s >= 60 ? Math.floor(s / 60) + ' min ' + two(s % 60) + ' s' : s + ' s';
            clearInterval(el.__countdown);
            const tick = () => {
              if (!el.isConnected) { clearInterval(el.__countdown); return; }
              const left = Math.round((end - Date.now()) / 1000);
              el.textContent = left > 0 ? prefix + 'about ' + words(left) + suffix : due;
            };
            el.__countdown = setInterval(tick, 1000);
            """;

    public Countdown(Duration remaining, String prefix, String suffix, String whenDue) {
        Duration left = remaining.isNegative() ? Duration.ZERO : remaining;
        setText(left.toSeconds() > 0 ? prefix + "about " + Formats.duration(left) + suffix : whenDue);
        getElement().executeJs(TICK, left.toMillis(), prefix, suffix, whenDue);
    }
}
