package org.modeldao.app.proposals;

import org.junit.jupiter.api.BeforeAll;

/** {@link RelayerUnderAttackContract} with the spending ledger on PostgreSQL (a fresh database on 127.0.0.1:5432). */
class RelayerUnderAttackPostgresIT extends RelayerUnderAttackContract {

    @BeforeAll
    static void start() {
        startOn("postgres");
    }
}
