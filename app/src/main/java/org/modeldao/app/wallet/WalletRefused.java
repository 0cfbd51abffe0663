package org.modeldao.app.wallet;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/** The member's wallet did not sign or send (none found, on another account, the dev node refused): nothing was sent. */
class WalletRefused extends AppException {

    WalletRefused(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String code() {
        return "wallet_refused";
    }
}
