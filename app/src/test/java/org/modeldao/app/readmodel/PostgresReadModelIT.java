package org.modeldao.app.readmodel;

import org.junit.jupiter.api.BeforeAll;

/** The read model on PostgreSQL (a fresh database on 127.0.0.1:5432, dropped afterwards). */
class PostgresReadModelIT extends ReadModelContract {

    @BeforeAll
    static void index() throws Exception {
        setUp("postgres");
    }
}
