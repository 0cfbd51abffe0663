package org.modeldao.app.proposals;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

/** Matching raw logs to events: the wrappers' decoders do not check which event a log is. */
public final class EventLogs {

    private EventLogs() {
    }

    public static boolean is(Log log, String contract, Event event) {
        return log.getAddress().equalsIgnoreCase(contract) && !log.getTopics().isEmpty()
                && log.getTopics().getFirst().equalsIgnoreCase(EventEncoder.encode(event));
    }

    public static long block(Log log) {
        return log.getBlockNumber().longValueExact();
    }
}
