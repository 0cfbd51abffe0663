package org.modeldao.app.readmodel;

/** How a proposal's ballots are listed; each order ends on a unique key, so pages never overlap or skip. */
public enum VoteOrder {
    HEAVIEST_FIRST("weight DESC, block_number DESC, log_index DESC"),
    LIGHTEST_FIRST("weight ASC, block_number ASC, log_index ASC"),
    LATEST_FIRST("block_number DESC, log_index DESC"),
    EARLIEST_FIRST("block_number ASC, log_index ASC");

    private final String orderBy;

    VoteOrder(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
