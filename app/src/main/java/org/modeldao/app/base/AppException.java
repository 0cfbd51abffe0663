package org.modeldao.app.base;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Root of the app's exception family. Each subclass knows its HTTP status and a stable,
 * machine-readable error code; {@link ApiErrorHandler} and the Vaadin error handler map them in
 * one place each.
 */
public abstract class AppException extends RuntimeException {

    protected AppException(String message) {
        super(message);
    }

    protected AppException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP status the API answers with. */
    public abstract HttpStatus status();

    /** Stable snake_case code clients can switch on, e.g. {@code nonce_reused}. */
    public abstract String code();

    /** For refusals that pass with time (quotas): when to try again, sent as {@code Retry-After}. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
