package org.modeldao.app.readmodel;

import org.junit.jupiter.api.BeforeAll;

/** The read model on the app's default database. */
class H2ReadModelIT extends ReadModelContract {

    @BeforeAll
    static void index() throws Exception {
        setUp("h2");
    }
}
