package org.modeldao.app.indexer;

import org.junit.jupiter.api.BeforeAll;

/** The delegation pages on an in-memory H2 read model. */
class DelegationPagesH2IT extends DelegationPagesContract {

    @BeforeAll
    static void start() {
        setUp("h2");
    }
}
