package org.modeldao.app.proposals;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** A proposal form or action is incomplete or malformed; nothing was sent anywhere. */
public class InvalidProposal extends AppException {

    public InvalidProposal(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String code() {
        return "invalid_proposal";
    }
}
