package org.modeldao.gateway.approval;

/**
 * How fresh the gateway's view of the registry is.
 *
 * @param chainReachable whether the last poll reached the chain node
 * @param chainHead the newest block the node reported (-1 before the first contact)
 * @param appliedBlock the last block whose events are in the current snapshot
 * @param fromPersistedState true while serving a snapshot restored from disk, not yet confirmed by the chain
 */
public record SyncStatus(boolean chainReachable, long chainHead, long appliedBlock, boolean fromPersistedState,
        String lastError) {

    public static final SyncStatus STARTING = new SyncStatus(false, -1, -1, false, "not synced yet");

    /** Blocks the snapshot trails the chain head by; 0 when unknown. */
    public long lagBlocks() {
        return chainHead < 0 || appliedBlock < 0 ? 0 : Math.max(0, chainHead - appliedBlock);
    }

    /** Serving from a confirmed, reachable chain; otherwise readiness reports degraded. */
    public boolean healthy() {
        return chainReachable && !fromPersistedState;
    }
}
