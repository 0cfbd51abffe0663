package org.modeldao.app.dashboard;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the model gateway says it did with a model's calls, from its public traffic summary
 * ({@code GET /governance/models/{name}/traffic}): counts only, never who called.
 *
 * @param lastHour   the last hour's counts, when the gateway answered readably
 * @param sinceStart the counts since the gateway started, likewise
 * @param detail     why there are no counts (the gateway's error, or why it could not be asked); may be empty
 */
public record GatewayTraffic(Status status, Optional<Counts> lastHour, Optional<Counts> sinceStart, String detail) {

    public enum Status {
        COUNTED,
        /** No gateway URL is configured (modeldao.gateway.url). */
        NOT_CONFIGURED,
        /** No answer within the timeout, or the connection failed. */
        UNREACHABLE,
        /** An answer this app cannot read: not JSON, missing or negative or fractional counts, another status. */
        UNREADABLE,
        UNKNOWN_MODEL
    }

    /** The kinds of rule a refused call met, as the gateway names them in its summary. */
    public enum RefusalKind {
        ACCESS_POLICY("access policy"),
        RATE_LIMIT("rate limit"),
        ETHICAL_CONSTRAINT("ethical constraint"),
        VALIDATION("invalid request"),
        UNAVAILABLE("unavailable"),
        MODEL_FAILURE("model failure");

        private final String words;

        RefusalKind(String words) {
            this.words = words;
        }

        /** How a page names it: "access policy". */
        public String words() {
            return words;
        }
    }

    /**
     * @param from    where the window starts (an hour ago, or the gateway's start)
     * @param refused all refused calls; {@code refusedBy} holds the kinds this app knows, which may add up to less
     */
    public record Counts(Instant from, long served, long refused, Map<RefusalKind, Long> refusedBy) {

        public Counts {
            refusedBy = Map.copyOf(refusedBy);
        }
    }

    public static GatewayTraffic of(Status status, String detail) {
        return new GatewayTraffic(status, Optional.empty(), Optional.empty(), detail);
    }
}
