package org.modeldao.app.proposals;

import org.junit.jupiter.api.BeforeAll;

/** {@link RelayerUnderAttackContract} with the spending ledger on H2 (in memory). */
class RelayerUnderAttackH2IT extends RelayerUnderAttackContract {

    @BeforeAll
    static void start() {
        startOn("h2");
    }
}
