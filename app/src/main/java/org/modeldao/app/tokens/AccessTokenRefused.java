package org.modeldao.app.tokens;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** A token request or revocation that cannot be honoured; nothing was changed. */
public class AccessTokenRefused extends AppException {

    private final HttpStatus status;
    private final String code;

    private AccessTokenRefused(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static AccessTokenRefused invalidRequest(String message) {
        return new AccessTokenRefused(HttpStatus.BAD_REQUEST, "invalid_token_request", message);
    }

    public static AccessTokenRefused notFound(String jti) {
        return new AccessTokenRefused(HttpStatus.NOT_FOUND, "token_not_found", "You hold no token with id " + jti + ".");
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }
}
