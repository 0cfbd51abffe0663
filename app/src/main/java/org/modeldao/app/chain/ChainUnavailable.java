package org.modeldao.app.chain;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** The chain node could not answer a read the request depends on. */
public class ChainUnavailable extends AppException {

    public ChainUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    public String code() {
        return "chain_unavailable";
    }
}
