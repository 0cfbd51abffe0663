package org.modeldao.app.indexer;

import static org.modeldao.contracts.wrappers.ModelDaoTimelock.*;

import org.web3j.utils.Numeric;

/** The timelock's scheduling and execution, for the audit trail. */
final class TimelockLogs extends ContractLogs {

    TimelockLogs() {
        super("TIMELOCK");
        audit(CALLSCHEDULED_EVENT, c -> {
            CallScheduledEventResponse e = getCallScheduledEventFromLog(c.log());
            return "Operation " + Numeric.toHexString(e.id) + " call " + e.index + " to " + e.target + " scheduled, delay "
                    + e.delay + " s";
        });
        audit(CALLEXECUTED_EVENT, c -> {
            CallExecutedEventResponse e = getCallExecutedEventFromLog(c.log());
            return "Operation " + Numeric.toHexString(e.id) + " call " + e.index + " to " + e.target + " executed";
        });
        audit(CALLSALT_EVENT, c -> "Operation " + Numeric.toHexString(getCallSaltEventFromLog(c.log()).id) + " salted");
        audit(CANCELLED_EVENT, c -> "Operation " + Numeric.toHexString(getCancelledEventFromLog(c.log()).id) + " cancelled");
        audit(MINDELAYCHANGE_EVENT, c -> "Minimum delay set to " + getMinDelayChangeEventFromLog(c.log()).newDuration + " s");
        audit(ROLEGRANTED_EVENT, c -> {
            RoleGrantedEventResponse e = getRoleGrantedEventFromLog(c.log());
            return "Role " + Numeric.toHexString(e.role) + " granted to " + e.account;
        });
        audit(ROLEREVOKED_EVENT, c -> {
            RoleRevokedEventResponse e = getRoleRevokedEventFromLog(c.log());
            return "Role " + Numeric.toHexString(e.role) + " revoked from " + e.account;
        });
        audit(ROLEADMINCHANGED_EVENT, c -> "Role admin changed for " + Numeric.toHexString(getRoleAdminChangedEventFromLog(c.log()).role));
    }
}
