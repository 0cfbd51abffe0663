package org.modeldao.app.proposals;

import org.modeldao.app.base.AppException;
import org.springframework.http.HttpStatus;

/**
 * The member may not do this now (not enough votes to propose, proposal not in the right
 * state, not the proposer, the chain would revert): nothing was sent.
 */
public class GovernanceActionRefused extends AppException {

    public GovernanceActionRefused(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String code() {
        return "governance_action_refused";
    }
}
