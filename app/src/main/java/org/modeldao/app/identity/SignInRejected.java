package org.modeldao.app.identity;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** A Sign-In with Ethereum attempt was refused; {@link #reason()} says why. Nothing was changed. */
public class SignInRejected extends AppException {

    /** Why a sign-in was refused, with the status and code the API answers with. */
    public enum Reason {
        MALFORMED_MESSAGE(HttpStatus.BAD_REQUEST),
        MALFORMED_SIGNATURE(HttpStatus.BAD_REQUEST),
        WRONG_DOMAIN(HttpStatus.UNAUTHORIZED),
        WRONG_URI(HttpStatus.UNAUTHORIZED),
        WRONG_CHAIN(HttpStatus.UNAUTHORIZED),
        MESSAGE_EXPIRED(HttpStatus.UNAUTHORIZED),
        MESSAGE_NOT_YET_VALID(HttpStatus.UNAUTHORIZED),
        ISSUED_IN_FUTURE(HttpStatus.UNAUTHORIZED),
        INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED),
        NONCE_UNKNOWN(HttpStatus.UNAUTHORIZED),
        NONCE_REUSED(HttpStatus.UNAUTHORIZED),
        NONCE_EXPIRED(HttpStatus.UNAUTHORIZED);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public SignInRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public HttpStatus status() {
        return reason.status;
    }

    @Override
    public String code() {
        return reason.code();
    }
}
