package org.modeldao.app.identity;

import java.time.Duration;
import java.util.Optional;
import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** Too many nonces or sign-in attempts from one client, or too many nonces outstanding; nothing was stored. */
public class SignInThrottled extends AppException {

    private final Duration retryAfter;

    public SignInThrottled(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before trying again (the Retry-After header). */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public String code() {
        return "too_many_requests";
    }
}
