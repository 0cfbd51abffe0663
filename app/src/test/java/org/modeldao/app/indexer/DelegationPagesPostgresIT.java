package org.modeldao.app.indexer;

import org.junit.jupiter.api.BeforeAll;

/** The delegation pages on PostgreSQL (a fresh database on 127.0.0.1:5432, dropped afterwards). */
class DelegationPagesPostgresIT extends DelegationPagesContract {

    @BeforeAll
    static void start() {
        setUp("postgres");
    }
}
