package org.modeldao.app.readmodel;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** A read-model query with arguments that cannot be right (negative offset, page too large, malformed address). */
public class InvalidQuery extends AppException {

    public InvalidQuery(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String code() {
        return "invalid_query";
    }
}
