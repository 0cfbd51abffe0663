package org.modeldao.app.wallet;

import java.time.Duration;
import java.util.Optional;
import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** A relay refusal on the API: 422 on its merits, 429 (with Retry-After) for quotas and the daily budget, 503 when relaying is off. */
public class RelayRefused extends AppException {

    private final RelayOutcome.Why why;
    private final Optional<Duration> retryAfter;

    public RelayRefused(RelayOutcome.Refused refused) {
        super(refused.reason());
        this.why = refused.why();
        this.retryAfter = refused.retryAfter();
    }

    @Override
    public HttpStatus status() {
        return switch (why) {
            case NOT_RELAYABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case QUOTA, BUDGET -> HttpStatus.TOO_MANY_REQUESTS;
            case OFF -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @Override
    public String code() {
        return switch (why) {
            case NOT_RELAYABLE -> "relay_refused";
            case QUOTA -> "relay_quota_exceeded";
            case BUDGET -> "relayer_budget_exhausted";
            case OFF -> "relayer_off";
        };
    }

    @Override
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
