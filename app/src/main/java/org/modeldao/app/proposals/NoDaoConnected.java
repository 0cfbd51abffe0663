package org.modeldao.app.proposals;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

class NoDaoConnected extends AppException {

    NoDaoConnected() {
        super("No DAO deployment is configured (modeldao.governance.deployment-file or the contract addresses).");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    public String code() {
        return "no_dao_connected";
    }
}
