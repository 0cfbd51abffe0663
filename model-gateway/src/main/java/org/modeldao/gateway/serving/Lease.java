package org.modeldao.gateway.serving;

/**
 * One request's hold on a loaded version: the version cannot be released while a lease is
 * open, even if the DAO revokes it mid-call. Close it exactly once (try-with-resources).
 */
public final class Lease implements AutoCloseable {

    private final LoadedVersion version;
    private boolean closed;

    Lease(LoadedVersion version) {
        this.version = version;
    }

    public LoadedVersion version() {
        return version;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            version.release();
        }
    }
}
