package org.modeldao.contracts.events;

import java.util.List;

/**
 * A log of a DAO contract that the stream could not decode: an event it does not know, or data
 * that does not match the event's ABI (a hostile or broken node, a contract upgraded behind the
 * descriptor). Kept, with the reason, so a consumer can record it and move on.
 *
 * @param position where the log sits
 * @param topics   its topics, {@code 0x} hex
 * @param data     its data, {@code 0x} hex
 * @param reason   why it did not decode (for logs and audit rows; not hostile-text-cleaned)
 */
public record UnrecognisedLog(EventPosition position, List<String> topics, String data, String reason) implements GovernanceEvent {

    public UnrecognisedLog {
        topics = List.copyOf(topics);
    }

    @Override
    public String eventName() {
        return "Unrecognised";
    }

    /** topic0, the event signature hash; {@code ""} for an anonymous log. */
    public String signature() {
        return topics.isEmpty() ? "" : topics.getFirst();
    }
}
