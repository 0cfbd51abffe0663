package org.modeldao.app.readmodel;

/** Offset/limit checks shared by the lazy-grid queries. */
final class Paging {

    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    static void check(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidQuery("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQuery("limit must lie in [1, " + MAX_LIMIT + "], was " + limit);
        }
    }

    static String address(String address) {
        if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
            throw new InvalidQuery("not a 0x-prefixed 20-byte address: " + address);
        }
        return address.toLowerCase(java.util.Locale.ROOT);
    }
}
