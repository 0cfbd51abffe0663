package org.modeldao.app.indexer;

import static org.modeldao.contracts.wrappers.ModelDaoTimelock.*;

import org.web3j.utils.Numeric;

/** The timelock's scheduling and execution, for the governance history. */
final class TimelockLogs extends ContractLogs {

    TimelockLogs() {
        super("TIMELOCK");
        historyOnly(CALLSCHEDULED_EVENT, c -> {
            CallScheduledEventResponse e = getCallScheduledEventFromLog(c.log());
            return "Operation " + Numeric.toHexString(e.id) + " call " + e.index + " to " + e.target + " scheduled, delay "
                    + e.delay + " s";
        });
        historyOnly(CALLEXECUTED_EVENT, c -> {
            CallExecutedEventResponse e = getCallExecutedEventFromLog(c.log());
            return "Operation " + Numeric.toHexString(e.id) + " call " + e.index + " to " + e.target + " executed";
        });
        historyOnly(CALLSALT_EVENT, c -> "Operation " + Numeric.toHexString(getCallSaltEventFromLog(c.log()).id) + " salted");
        historyOnly(CANCELLED_EVENT, c -> "Operation " + Numeric.toHexString(getCancelledEventFromLog(c.log()).id) + " cancelled");
        historyOnly(MINDELAYCHANGE_EVENT, c -> "Minimum delay set to " + getMinDelayChangeEventFromLog(c.log()).newDuration + " s");
        historyOnly(ROLEGRANTED_EVENT, c -> {
            RoleGrantedEventResponse e = getRoleGrantedEventFromLog(c.log());
            return "Role " + Numeric.toHexString(e.role) + " granted to " + e.account;
        });
        historyOnly(ROLEREVOKED_EVENT, c -> {
            RoleRevokedEventResponse e = getRoleRevokedEventFromLog(c.log());
            return "Role " + Numeric.toHexString(e.role) + " revoked from " + e.account;
        });
        historyOnly(ROLEADMINCHANGED_EVENT, c -> "Role admin changed for " + Numeric.toHexString(getRoleAdminChangedEventFromLog(c.log()).role));
    }
}
