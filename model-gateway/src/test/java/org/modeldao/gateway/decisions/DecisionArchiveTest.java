package org.modeldao.gateway.decisions;

import org.junit.jupiter.api.BeforeEach;

/** Archiving on H2, attacked ({@link DecisionArchiveContract}); the same runs on PostgreSQL in {@link DecisionArchivePostgresIT}. */
class DecisionArchiveTest extends DecisionArchiveContract {

    @BeforeEach
    void open() {
        DecisionFixture db = new DecisionFixture("jdbc:h2:mem:archive-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "h2");
        scenarios = new DecisionArchiveScenarios(db, dir, db.owner::execute);
    }
}
